"""purge_newsletter_data: unconfirmed subscriptions past NEWSLETTER_PENDING_DAYS and every
unsubscribed address are deleted; nothing else is."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from newsletters.models import Delivery, Subscription

pytestmark = pytest.mark.django_db


def age(subscription, days):
    Subscription.objects.filter(pk=subscription.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def test_purge_deletes_stale_pending_and_unsubscribed_rows_only(subscriber, issue, settings):
    settings.NEWSLETTER_PENDING_DAYS = 7
    stale = subscriber("gammel@example.org", status="pending")
    age(stale, 8)
    fresh = subscriber("ny@example.org", status="pending")
    age(fresh, 6)
    confirmed = subscriber("bekreftet@example.org")
    age(confirmed, 400)
    left = subscriber("avmeldt@example.org", status="unsubscribed")
    Delivery.objects.create(issue=issue, subscription=left, status=Delivery.Status.SENT)
    subscriber("nettopp@example.org", status="unsubscribed")

    out = StringIO()
    call_command("purge_newsletter_data", stdout=out)

    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "ny@example.org",
        "bekreftet@example.org",
    }
    # The unsubscribed addresses are gone with their deliveries, however recent.
    assert not Delivery.objects.exists()
    assert out.getvalue().strip() == (
        "Deleted 1 unconfirmed subscription(s) older than 7 days and 2 unsubscribed address(es)."
    )


def test_purge_with_nothing_to_do_says_so(db):
    out = StringIO()
    call_command("purge_newsletter_data", stdout=out)
    assert "Deleted 0 unconfirmed" in out.getvalue()
