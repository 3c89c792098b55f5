"""Registrations over time: reminders the day before an event and deleting participants'
personal data a set number of days after it (settings.EVENT_REGISTRATION_RETENTION_DAYS)."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from registrations import emails
from registrations.models import Registration, Status, Submission
from resources.models import EventPage


def starting_on(day):
    """Live events with registration in the portal that start on ``day`` (local date)."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return EventPage.objects.live().filter(
        registration_open=True, start__gte=start, start__lt=start + datetime.timedelta(days=1)
    )


def send_reminders(base_url, today=None):
    """E-mail every confirmed participant of tomorrow's events once; returns how many."""
    today = today or timezone.localdate()
    sent = 0
    for event in starting_on(today + datetime.timedelta(days=1)):
        due = Registration.objects.filter(
            event_id=event.pk, status=Status.CONFIRMED, reminded_at__isnull=True
        )
        for registration in due:
            emails.send("reminder", registration, event, base_url)
            Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
            sent += 1
    return sent


def purge(now=None):
    """Delete the registrations of events that ended more than the retention period ago,
    and who suggested them. Returns the number of rows deleted."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.EVENT_REGISTRATION_RETENTION_DAYS)
    over = EventPage.objects.filter(
        Q(end__lt=cutoff) | Q(end__isnull=True, start__lt=cutoff)
    ).values("pk")
    deleted, _by_model = Registration.objects.filter(event_id__in=over).delete()
    submitted, _by_model = Submission.objects.filter(page_id__in=over).delete()
    return deleted + submitted
