"""Subscribing (double opt-in), confirming and unsubscribing, without a request.

The confirmation link carries the subscription's token signed with a timestamp, so it expires
after ``NEWSLETTER_CONFIRM_DAYS``; the unsubscribe link carries the bare token and works as
long as the subscription exists.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from newsletters.models import Subscription

CONFIRM_SALT = "newsletters.confirm"


class BadLink(Exception):
    """A confirmation link that is forged, expired or no longer matches a subscription."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass
class Subscribed:
    subscription: Subscription | None
    # Whether the address should get a confirmation e-mail (new or still unconfirmed).
    needs_confirmation: bool


def confirmation_key(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscription.token)


def subscription_for_key(key):
    """The subscription a confirmation link names, or BadLink."""
    max_age = settings.NEWSLETTER_CONFIRM_DAYS * 24 * 60 * 60
    try:
        token = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(key, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except signing.BadSignature as error:
        raise BadLink() from error
    subscription = Subscription.objects.active().filter(token=token).first()
    if subscription is None:
        raise BadLink()
    return subscription


def normalise(email):
    return email.strip().lower()


def subscribe(email, region, language="nb"):
    """A pending subscription for ``email`` to ``region``'s newsletter (None: national).

    An address already subscribed gets nothing new and no e-mail; an unconfirmed one gets its
    confirmation again. The caller answers the same either way, so the form does not tell
    anyone whether an address is on the list.
    """
    email = normalise(email)
    existing = Subscription.objects.active().for_region(region).filter(email=email).first()
    if existing is not None:
        return Subscribed(existing, existing.status == Subscription.Status.PENDING)
    try:
        with transaction.atomic():
            created = Subscription.objects.create(email=email, region=region, language=language)
    except IntegrityError:  # the same address sent twice at the same moment
        return Subscribed(None, False)
    return Subscribed(created, True)


def confirm(subscription):
    if subscription.status != Subscription.Status.CONFIRMED:
        subscription.status = Subscription.Status.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["status", "confirmed_at"])
    return subscription


def unsubscribe(subscription):
    """Stop all mail to this subscription at once. The row (with the address) is deleted by
    the next purge_newsletter_data."""
    if subscription.status != Subscription.Status.UNSUBSCRIBED:
        subscription.status = Subscription.Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription
