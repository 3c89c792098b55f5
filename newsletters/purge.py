"""Deleting newsletter data nobody needs: subscriptions never confirmed within
``NEWSLETTER_PENDING_DAYS``, and every unsubscribed address (personal data kept for nothing).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from newsletters.models import Subscription


def purge(now=None, pending_days=None):
    """Delete and return (unconfirmed, unsubscribed) counts of subscriptions."""
    now = now or timezone.now()
    pending_days = settings.NEWSLETTER_PENDING_DAYS if pending_days is None else pending_days
    cutoff = now - timedelta(days=pending_days)
    stale = Subscription.objects.filter(status=Subscription.Status.PENDING, created_at__lt=cutoff)
    # Counted per model: deleting a subscription also deletes its deliveries.
    unconfirmed = stale.delete()[1].get(Subscription._meta.label, 0)
    gone = Subscription.objects.filter(status=Subscription.Status.UNSUBSCRIBED)
    unsubscribed = gone.delete()[1].get(Subscription._meta.label, 0)
    return unconfirmed, unsubscribed
