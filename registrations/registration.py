"""Registering for an event and cancelling, safe under simultaneous requests.

Every change to an event's registrations happens in a transaction that first locks the
event's page row (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers itself), so
two people cannot both take the last seat, and a cancellation moves exactly one waiting
person up. A unique constraint (event, e-mail, not cancelled) stops the same address twice
even if the lock were bypassed.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.models import Page

from registrations.models import Registration, Status


class AlreadyRegistered(Exception):
    """This address already has a seat or a place in the queue for the event."""


@dataclass(frozen=True)
class Cancellation:
    registration: Registration
    promoted: Registration | None  # the waiting person who got the seat, if any


def _lock(event_id):
    """Hold the event's page row until the transaction ends: its registrations change one
    request at a time."""
    Page.objects.select_for_update().only("pk").get(pk=event_id)


def normalise_email(email):
    local, _at, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}" if local else email.strip()


def register(event, capacity, *, name, email, workplace, dietary="", profession="", language):
    """A new Registration, confirmed while seats are left and waiting after that.

    ``capacity`` None means no limit. Raises AlreadyRegistered for an address that already
    has a seat or a place in the queue (compared without regard to case)."""
    email = normalise_email(email)
    with transaction.atomic():
        _lock(event.pk)
        taken = Registration.objects.filter(event_id=event.pk).exclude(status=Status.CANCELLED)
        if taken.filter(email__iexact=email).exists():
            raise AlreadyRegistered
        confirmed = taken.filter(status=Status.CONFIRMED).count()
        status = Status.CONFIRMED if capacity is None or confirmed < capacity else Status.WAITING
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    event_id=event.pk,
                    name=name.strip(),
                    email=email,
                    workplace=workplace.strip(),
                    dietary=dietary.strip(),
                    profession=profession.strip(),
                    status=status,
                    language=language,
                )
        except IntegrityError:
            raise AlreadyRegistered from None


def cancel(token, capacity):
    """Cancel the registration with this token; a freed seat goes to the first in the queue.
    Returns a Cancellation, or None for an unknown token. Cancelling twice changes nothing
    the second time (promoted is None)."""
    with transaction.atomic():
        registration = Registration.objects.filter(token=token).first()
        if registration is None:
            return None
        _lock(registration.event_id)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return Cancellation(registration, None)
        freed = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _promote_first_waiting(registration.event_id, capacity) if freed else None
        return Cancellation(registration, promoted)


def remove(found, capacity):
    """Delete a registration at the person's request. A confirmed seat is freed first, so
    the queue moves as with a cancellation; returns who was moved up (or None)."""
    promoted = None
    if found.status == Status.CONFIRMED:
        done = cancel(found.token, capacity)
        promoted = done.promoted if done else None
    Registration.objects.filter(pk=found.pk).delete()
    return promoted


def _promote_first_waiting(event_id, capacity):
    registrations = Registration.objects.filter(event_id=event_id)
    confirmed = registrations.filter(status=Status.CONFIRMED).count()
    if capacity is not None and confirmed >= capacity:
        return None
    first = registrations.filter(status=Status.WAITING).order_by("created_at", "pk").first()
    if first is None:
        return None
    first.status = Status.CONFIRMED
    first.promoted_at = timezone.now()
    first.save(update_fields=["status", "promoted_at"])
    return first


def counts(event):
    """(confirmed, waiting) for the event."""
    rows = Registration.objects.filter(event_id=event.pk)
    return (
        rows.filter(status=Status.CONFIRMED).count(),
        rows.filter(status=Status.WAITING).count(),
    )
