"""The demo's event with registration in the portal: the first upcoming national event takes
registrations here (with a small capacity, so the waiting list is easy to try)."""

from django.db.models import Q
from django.utils import timezone

from resources.models import EventPage

CAPACITY = 5


def ensure_demo_registration(summary):
    if EventPage.objects.filter(registration_open=True).exists():
        return None
    event = (
        EventPage.objects.live()
        .upcoming()
        .filter(owner_region__isnull=True, locale__language_code="nb")
        .filter(
            Q(registration_deadline__isnull=True)
            | Q(registration_deadline__gte=timezone.localdate())
        )
        .order_by("start")
        .first()
    )
    if event is None:
        return None
    event.registration_open = True
    event.registration_url = ""
    event.capacity = CAPACITY
    event.ask_dietary = True
    event.ask_profession = True
    if event.online:
        event.meeting_url = "https://teams.example.org/demo-fagdag"
    event.save_revision().publish()
    summary.created.append(f"påmelding i portalen: {event.title}")
    return event
