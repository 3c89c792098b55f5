"""Calendars of events: one event to add to a calendar ("Legg i kalender") and subscribable
feeds of upcoming events, nationally, per area and per topic (URLs in calendar_urls.py).
registrations/ics.py writes the iCalendar; this module picks the events with the area rules of
resources/models/queryset.py and hands it plain data."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from wagtail.models import Site

from regions.locales import default_locale
from regions.lookup import region_by_slug
from regions.slugs import norwegian_slug
from registrations.ics import calendar_bytes, from_event
from resources.models import EventPage, Topic

CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid_host(request):
    """The domain in every UID: the site's configured hostname, so a UID stays the same
    whichever address (www or not, a proxy's) the calendar was fetched through."""
    site = Site.find_for_request(request)
    return site.hostname if site is not None else request.get_host().split(":")[0]


def event_data(page, request, host):
    """An EventPage as plain data for registrations/ics.py (registrations.ics.from_event)."""
    return from_event(page, page.get_full_url(request), host)


def calendar_response(request, pages, name, filename):
    host = uid_host(request)
    body = calendar_bytes([event_data(page, request, host) for page in pages], name)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def upcoming_events():
    """Live, public, upcoming events in the source language (each event once; translations
    share its UID), soonest first, with what the calendar needs in the same query."""
    return (
        EventPage.objects.live()
        .public()
        .filter(locale=default_locale())
        .upcoming()
        .order_by("start", "pk")
    )


def single_event(request, page_id):
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    filename = norwegian_slug(page.slug) or "arrangement"
    return calendar_response(request, [page], page.title, filename)


def all_events(request):
    name = _("Kurs og møteplasser – Kompetansebroen")
    return calendar_response(request, upcoming_events(), name, "arrangementer")


def area_events(request, slug):
    region = region_by_slug(slug)
    if region is None:
        raise Http404
    name = _("Kurs og møteplasser i %(area)s – Kompetansebroen") % {"area": region.name}
    pages = upcoming_events().shown_in_area(region)
    return calendar_response(request, pages, name, f"arrangementer-{region.slug}")


def topic_events(request, slug):
    topic = Topic.objects.filter(locale=default_locale(), slug=slug).first()
    if topic is None:
        raise Http404
    name = _("Kurs og møteplasser om %(topic)s – Kompetansebroen") % {"topic": topic.name}
    pages = upcoming_events().with_topic(topic.slug)
    return calendar_response(request, pages, name, f"arrangementer-{topic.slug}")
