"""Bounces: delivery status notifications (RFC 3464) that a recipient's mail server sends back.

Every issue sent to a subscriber carries its delivery's signed token, in the envelope sender
(``NEWSLETTER_BOUNCE_ADDRESS`` with ``+<token>``, so the bounce is addressed to it) and in the
``X-Kompetansebroen-Delivery`` header (which most notifications return with the original
headers). A token is the delivery's id and a keyed digest of it, so a forged message cannot
remove somebody else's address.

A permanent failure (action ``failed``, status 5.x.x) removes the subscription at once, as an
unsubscription does; its issue keeps only the count. A temporary one (``delayed`` or 4.x.x) is
the sending server's to retry and changes nothing.
"""

import email
import email.policy
import hashlib
import hmac
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F

from newsletters.models import Delivery, Issue

TOKEN_HEADER = "X-Kompetansebroen-Delivery"  # noqa: S105 (a header name, not a secret)
TOKEN = re.compile(r"\b(\d{1,12})-([0-9a-f]{16})\b")


def _digest(delivery_id):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"bounce:{delivery_id}".encode(), hashlib.sha256).hexdigest()[:16]


def delivery_token(delivery_id):
    return f"{delivery_id}-{_digest(delivery_id)}"


def delivery_id(token):
    """The delivery id a token names, or None when it is not one of ours."""
    match = TOKEN.search(token or "")
    if match and hmac.compare_digest(match[2], _digest(match[1])):
        return int(match[1])
    return None


def return_address(token):
    """The envelope sender for one delivery, or None when no bounce address is set."""
    if "@" not in settings.NEWSLETTER_BOUNCE_ADDRESS:
        return None
    local, domain = settings.NEWSLETTER_BOUNCE_ADDRESS.rsplit("@", 1)
    return f"{local}+{token}@{domain}"


@dataclass
class Notification:
    """What one message says: the delivery it names, and whether the failure is permanent."""

    delivery_id: int | None
    permanent: bool = False
    temporary: bool = False
    status: str = ""


def _status_fields(message):
    """The per-recipient fields of a delivery-status part, as (action, status) pairs."""
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in part.get_payload():
            if block.get("Action"):
                yield str(block["Action"]).strip().lower(), str(block.get("Status", "")).strip()


def _tokens(message):
    """Tokens in the addresses the bounce was sent to, then in the returned headers."""
    for name in ("To", "Delivered-To", "X-Original-To", "Envelope-To"):
        for value in message.get_all(name, []):
            yield str(value)
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "text/rfc822-headers":
            returned = email.message_from_string(part.get_content(), policy=email.policy.default)
            yield str(returned.get(TOKEN_HEADER, ""))
        elif kind == "message/rfc822":
            for returned in part.get_payload():
                yield str(returned.get(TOKEN_HEADER, ""))


def read(raw):
    """A Notification for the message's bytes (delivery_id None: not one of ours)."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    found = next(filter(None, (delivery_id(token) for token in _tokens(message))), None)
    notification = Notification(found)
    for action, status in _status_fields(message):
        notification.status = status
        if action == "failed" and status.startswith("5"):
            notification.permanent = True
        elif action in ("delayed", "failed") or status.startswith("4"):
            notification.temporary = True
    return notification


@dataclass
class Tally:
    permanent: int = 0
    temporary: int = 0
    unknown: int = 0


def record(raw, tally=None):
    """Act on one message's bytes and count it in ``tally`` (returned)."""
    tally = tally or Tally()
    notification = read(raw)
    if notification.delivery_id is None or not (notification.permanent or notification.temporary):
        tally.unknown += 1
        return tally
    if notification.temporary and not notification.permanent:
        tally.temporary += 1
        return tally
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .filter(pk=notification.delivery_id)
            .select_related("subscription")
            .first()
        )
        if delivery is None:  # already removed by an earlier bounce or an unsubscription
            tally.unknown += 1
            return tally
        Issue.objects.filter(pk=delivery.issue_id).update(bounced=F("bounced") + 1)
        delivery.subscription.delete()
    tally.permanent += 1
    return tally
