"""Sending an issue to the confirmed subscribers of its newsletter, in batches.

Who gets an issue: the confirmed subscribers of the issue's own newsletter (a region's, or
the national one). National news already reaches a region's subscribers through their own
issue (it is composed from what a visitor in the area sees, national items included), so a
region's issue does not also go to national subscribers, and nobody gets the same news twice.

Each address is claimed before its message goes out: a Delivery row (unique per issue and
subscription) is written as ``sending`` in its own transaction, then set to ``sent`` or
``failed``. A second run, or two runs at once, therefore never mails an address twice; a
run that dies between the claim and the send leaves a ``sending`` row, and that address is
skipped rather than risk a duplicate. Failures keep the backend's error and are tried again
by the next run, up to ``MAX_ATTEMPTS`` times in all; after that the address is given up for
this issue (the failure stays recorded) so the issue can be finished.

An editor sends an issue from the admin by queueing it; ``send_queued`` (``send_newsletter
--queued``, run every minute by the scheduler or cron) sends what is queued.
"""

import contextlib
import smtplib
from dataclasses import dataclass

from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from newsletters.mail import issue_message
from newsletters.models import Delivery, Issue, Subscription

DELIVERED = (Delivery.Status.SENDING, Delivery.Status.SENT)
MAX_ATTEMPTS = 3
# What an e-mail backend raises when a message cannot be handed over.
SEND_ERRORS = (smtplib.SMTPException, OSError)


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    already: bool = False
    complete: bool = False


def recipients(issue):
    """The confirmed subscribers of the issue's newsletter."""
    return Subscription.objects.confirmed().for_region(issue.region)


def undelivered(issue):
    """Recipients without a delivery of this issue, or whose last attempt failed and who
    have attempts left."""
    done = Delivery.objects.filter(issue=issue, subscription=OuterRef("pk")).filter(
        Q(status__in=DELIVERED) | Q(attempts__gte=MAX_ATTEMPTS)
    )
    return recipients(issue).filter(~Exists(done))


def claim(issue, subscription):
    """The delivery to write this send into, or None when another run has it already."""
    try:
        with transaction.atomic():
            return Delivery.objects.create(issue=issue, subscription=subscription, attempts=1)
    except IntegrityError:
        retried = Delivery.objects.filter(
            issue=issue,
            subscription=subscription,
            status=Delivery.Status.FAILED,
            attempts__lt=MAX_ATTEMPTS,
        ).update(status=Delivery.Status.SENDING, error="", attempts=F("attempts") + 1)
        if not retried:
            return None
        return Delivery.objects.get(issue=issue, subscription=subscription)


def deliver(issue, subscription, connection):
    """Send to one subscriber; True when sent, False when failed, None when not ours."""
    delivery = claim(issue, subscription)
    if delivery is None:
        return None
    try:
        issue_message(issue, subscription, connection=connection, delivery=delivery).send()
    except SEND_ERRORS as error:
        delivery.status = Delivery.Status.FAILED
        delivery.error = f"{type(error).__name__}: {error}"[:2000]
        delivery.save(update_fields=["status", "error"])
        return False
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "sent_at"])
    return True


def open_connection():
    connection = get_connection()
    # When the server does not answer, each message tries again and records its own failure.
    with contextlib.suppress(SEND_ERRORS):
        connection.open()
    return connection


def mark_sent_if_complete(issue):
    if undelivered(issue).exists():
        return False
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
    issue.refresh_from_db(fields=["status", "sent_at"])
    return True


def send_issue(issue, batch_size=200, on_batch=None):
    """Send ``issue`` to every recipient who has not had it, ``batch_size`` per connection."""
    result = SendResult()
    if issue.status == Issue.Status.SENT:
        result.already = result.complete = True
        return result
    ids = list(undelivered(issue).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = Subscription.objects.filter(pk__in=ids[start : start + batch_size]).order_by("pk")
        connection = open_connection()
        try:
            for subscription in batch.confirmed():
                outcome = deliver(issue, subscription, connection)
                if outcome is True:
                    result.sent += 1
                elif outcome is False:
                    result.failed += 1
        finally:
            connection.close()
        if on_batch:
            on_batch(result)
    result.complete = mark_sent_if_complete(issue)
    return result


def queue(issue):
    """Mark a draft for sending by the next ``send_queued``; False when it is not a draft."""
    queued = Issue.objects.filter(pk=issue.pk, status=Issue.Status.DRAFT).update(
        status=Issue.Status.QUEUED, queued_at=timezone.now()
    )
    issue.refresh_from_db(fields=["status", "queued_at"])
    return bool(queued)


def send_queued(batch_size=200):
    """Send every queued issue, oldest first; [(issue, SendResult)]."""
    issues = Issue.objects.filter(status=Issue.Status.QUEUED).select_related("region")
    return [(issue, send_issue(issue, batch_size)) for issue in issues.order_by("queued_at")]
