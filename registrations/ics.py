"""Calendar files (iCalendar, RFC 5545) from plain event data: one event to add to a calendar,
or a feed to subscribe to. The icalendar package escapes and folds the lines; this module
only decides what goes in (resources/calendars.py hands it the events)."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, Timezone

TIME_ZONE = "Europe/Oslo"
PRODID = "-//Kompetansebroen//Arrangementer//NB"
# An event with only a start time still needs a block in the calendar: an hour is what a
# meeting or webinar without a stated end usually takes (RFC 5545 would otherwise make it
# last no time at all, and calendars show it as a thin line or not at all).
DEFAULT_DURATION = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class EventData:
    uid: str
    title: str
    start: datetime.datetime  # aware
    end: datetime.datetime | None = None  # aware; None: start + DEFAULT_DURATION
    description: str = ""
    url: str = ""
    location: str = ""
    online: bool = False
    organiser: str = ""
    last_modified: datetime.datetime | None = None  # aware

    @property
    def ends(self):
        return self.end or self.start + DEFAULT_DURATION


def from_event(page, url, host):
    """An event page (EventPage's fields) as EventData; ``url`` its absolute address.

    The UID is the page's translation key: stable through renames, moves and republishing,
    and shared by its nynorsk and English translations, which are the same event (a
    calendar that has one of them updates it instead of showing it twice). The calendar
    feeds, "Legg i kalender" and the registration e-mails all use it, so an event added
    from an e-mail is the same event in a subscribed calendar."""
    return EventData(
        uid=f"{page.translation_key}@{host}",
        title=page.title,
        start=page.start,
        end=page.end,
        description=page.summary,
        url=url,
        location=page.location,
        online=page.online,
        organiser=page.organiser,
        last_modified=page.last_published_at,
    )


def _timezone_component(zone, events):
    """Europe/Oslo's rules for the years the events fall in (the whole 1970–2038 history
    icalendar offers by default would be some hundred lines in every file)."""
    years = [event.start.astimezone(zone).year for event in events] or [timezone.now().year]
    ends = [event.ends.astimezone(zone).year for event in events] or years
    return Timezone.from_tzinfo(
        zone,
        TIME_ZONE,
        first_date=datetime.date(min(years), 1, 1),
        last_date=datetime.date(max(ends) + 1, 1, 1),
    )


def _location(event):
    if event.location:
        return event.location
    return _("Digitalt") if event.online else ""


def _description(event):
    lines = [event.description] if event.description else []
    if event.organiser:
        lines.append(_("Arrangør: %(name)s") % {"name": event.organiser})
    if event.url:
        lines.append(event.url)
    return "\n\n".join(lines)


def _event_component(event, zone, stamp):
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("dtstart", event.start.astimezone(zone))
    component.add("dtend", event.ends.astimezone(zone))
    component.add("summary", event.title)
    description = _description(event)
    if description:
        component.add("description", description)
    if event.url:
        component.add("url", event.url)
    location = _location(event)
    if location:
        component.add("location", location)
    if event.last_modified:
        component.add("last-modified", event.last_modified)
    return component


def calendar_bytes(events, name, stamp=None):
    """A VCALENDAR named ``name`` with one VEVENT per EventData, times in Europe/Oslo (a
    VTIMEZONE included), as bytes ready to serve as text/calendar."""
    events = list(events)
    zone = ZoneInfo(TIME_ZONE)
    stamp = stamp or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    calendar.add_component(_timezone_component(zone, events))
    for event in events:
        calendar.add_component(_event_component(event, zone, stamp))
    return calendar.to_ical()
