"""When an event takes registrations, read from the fields EventPage declares
(registration_open, capacity, registration_deadline, start, end)."""

import datetime

from django.utils import timezone


class State:
    NOT_OFFERED = "not_offered"  # the organiser has not turned registration on here
    OPEN = "open"  # seats left
    WAITING_LIST = "waiting_list"  # full: new registrations wait
    DEADLINE_PASSED = "deadline_passed"
    PAST = "past"


def closes_at(event):
    """The end of the deadline day (local time), or the event's start without a deadline."""
    if event.registration_deadline:
        end_of_day = datetime.datetime.combine(event.registration_deadline, datetime.time.max)
        return min(timezone.make_aware(end_of_day), event.start)
    return event.start


def state(event, confirmed, now=None):
    now = now or timezone.now()
    if not event.registration_open:
        return State.NOT_OFFERED
    if (event.end or event.start) < now:
        return State.PAST
    if now > closes_at(event):
        return State.DEADLINE_PASSED
    if event.capacity is not None and confirmed >= event.capacity:
        return State.WAITING_LIST
    return State.OPEN


def accepts_registrations(current_state):
    return current_state in (State.OPEN, State.WAITING_LIST)
