"""Calendars of events on a real database: "Legg i kalender" for one event and the feeds of
upcoming events (national, per area, per topic), parsed with icalendar; times across the
daylight-saving changes; drafts and private events left out; queries that do not grow."""

import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import icalendar
import pytest
from bs4 import BeautifulSoup

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")
UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(response):
    return {str(event["SUMMARY"]) for event in parse(response).walk("VEVENT")}


def upcoming(days):
    return timezone.now() + datetime.timedelta(days=days)


@pytest.fixture
def events(regions, topics, index_for):
    """Upcoming events everywhere the area rules can put them, and some that never show."""
    ahus, innlandet = regions["ahus"], regions["innlandet"]

    def event(title, region=None, **fields):
        fields.setdefault("start", upcoming(10))
        return EventPageFactory(parent=index_for("event", region), title=title, **fields)

    made = {
        "national": event("Nasjonal fagdag", topics=[topics["demens"]]),
        "national_for_ahus": event("Nasjonalt webinar for Ahus", areas=[ahus]),
        "ahus": event("Ahus-fagdag", ahus),
        "innlandet": event("Innlandsmøtet", innlandet, topics=[topics["demens"]]),
        "innlandet_shared": event("Delt fra Innlandet", innlandet, areas=[ahus]),
        "past": event("Fagdag i fjor", start=upcoming(-10), end=upcoming(-10)),
        "draft": event("Utkast til fagdag", live=False, topics=[topics["demens"]]),
        "private": event("Lukket fagdag", topics=[topics["demens"]]),
    }
    PageViewRestriction.objects.create(page=made["private"], restriction_type="login")
    return made


def test_an_event_can_be_added_to_a_calendar_with_its_own_details(client, index_for):
    page = EventPageFactory(
        parent=index_for("event"),
        title="Fagdag om demens, del 2",
        slug="fagdag-om-demens",
        start=datetime.datetime(2027, 5, 4, 9, 0, tzinfo=OSLO),
        end=datetime.datetime(2027, 5, 4, 15, 30, tzinfo=OSLO),
        location="Hamar kulturhus",
        summary="Nytt om demensomsorg; for sykepleiere.",
    )
    response = client.get(f"/kalender/arrangement/{page.pk}.ics")
    calendar = parse(response)
    assert response["Content-Disposition"] == 'attachment; filename="fagdag-om-demens.ics"'
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Oslo"
    assert str(calendar["X-WR-CALNAME"]) == "Fagdag om demens, del 2"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{page.translation_key}@localhost"
    assert str(event["SUMMARY"]) == "Fagdag om demens, del 2"
    assert str(event["URL"]) == page.full_url
    assert str(event["LOCATION"]) == "Hamar kulturhus"
    assert "Nytt om demensomsorg; for sykepleiere." in str(event["DESCRIPTION"])
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert event["DTEND"].params["TZID"] == "Europe/Oslo"
    assert event.decoded("DTSTART").astimezone(UTC) == datetime.datetime(2027, 5, 4, 7, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == datetime.datetime(
        2027, 5, 4, 13, 30, tzinfo=UTC
    )
    assert "DTSTAMP" in event
    # The library escapes the text: a comma and a semicolon survive the round trip above.
    assert b"SUMMARY:Fagdag om demens\\, del 2" in response.content


def test_the_uid_stays_when_the_event_is_renamed(client, index_for):
    page = EventPageFactory(parent=index_for("event"), title="Fagdag")
    url = f"/kalender/arrangement/{page.pk}.ics"
    before = str(parse(client.get(url)).walk("VEVENT")[0]["UID"])
    page.title, page.slug = "Fagdag (flyttet)", "fagdag-flyttet"
    page.save_revision().publish()
    after = parse(client.get(url)).walk("VEVENT")[0]
    assert str(after["SUMMARY"]) == "Fagdag (flyttet)"
    assert str(after["UID"]) == before


@pytest.mark.parametrize(
    ("start", "end", "utc_start", "utc_end"),
    [
        # 28 March 2027: the clocks go forward at 02:00, so 09:00 is summer time (UTC+2).
        ((2027, 3, 28, 9), (2027, 3, 28, 11), (2027, 3, 28, 7), (2027, 3, 28, 9)),
        # 25 October 2026: the clocks go back at 03:00, so 10:00 is winter time (UTC+1);
        # without an end the event lasts an hour.
        ((2026, 10, 25, 10), None, (2026, 10, 25, 9), (2026, 10, 25, 10)),
    ],
)
def test_times_on_the_days_the_clocks_change_are_the_right_instants(
    client, index_for, start, end, utc_start, utc_end
):
    page = EventPageFactory(
        parent=index_for("event"),
        start=datetime.datetime(*start, tzinfo=OSLO),
        end=datetime.datetime(*end, tzinfo=OSLO) if end else None,
    )
    response = client.get(f"/kalender/arrangement/{page.pk}.ics")
    calendar = parse(response)
    [event] = calendar.walk("VEVENT")
    local_start = datetime.datetime(*start).strftime("%Y%m%dT%H%M%S")
    assert f"DTSTART;TZID=Europe/Oslo:{local_start}".encode() in response.content
    assert event.decoded("DTSTART").astimezone(UTC) == datetime.datetime(*utc_start, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == datetime.datetime(*utc_end, tzinfo=UTC)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Oslo"
    offsets = {
        part.name: part.decoded("TZOFFSETTO")
        for part in zone.subcomponents
        if part.name in ("STANDARD", "DAYLIGHT")
    }
    hour = datetime.timedelta(hours=1)
    assert offsets == {"STANDARD": hour, "DAYLIGHT": 2 * hour}


def test_a_draft_or_private_event_has_no_calendar_file(client, events):
    for key in ("draft", "private"):
        assert client.get(f"/kalender/arrangement/{events[key].pk}.ics").status_code == 404
    assert client.get("/kalender/arrangement/999999.ics").status_code == 404
    # A page that is not an event neither.
    parent_id = events["national"].get_parent().pk
    assert client.get(f"/kalender/arrangement/{parent_id}.ics").status_code == 404


def test_the_national_feed_has_every_upcoming_published_event(client, events):
    response = client.get("/kalender/arrangementer.ics")
    assert summaries(response) == {
        "Nasjonal fagdag",
        "Nasjonalt webinar for Ahus",
        "Ahus-fagdag",
        "Innlandsmøtet",
        "Delt fra Innlandet",
    }
    uids = {str(event["UID"]) for event in parse(response).walk("VEVENT")}
    assert f"{events['ahus'].translation_key}@localhost" in uids


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        (
            "ahus",
            {"Nasjonal fagdag", "Nasjonalt webinar for Ahus", "Ahus-fagdag", "Delt fra Innlandet"},
        ),
        ("innlandet", {"Nasjonal fagdag", "Innlandsmøtet", "Delt fra Innlandet"}),
        ("oslo", {"Nasjonal fagdag"}),
    ],
)
def test_an_area_feed_has_the_events_shown_in_that_area(client, events, slug, expected):
    assert summaries(client.get(f"/kalender/omrade/{slug}.ics")) == expected


def test_a_topic_feed_has_the_published_upcoming_events_on_that_topic(client, events):
    assert summaries(client.get("/kalender/tema/demens.ics")) == {
        "Nasjonal fagdag",
        "Innlandsmøtet",
    }
    assert summaries(client.get("/kalender/tema/legemidler.ics")) == set()


def test_unknown_area_or_topic_is_not_found(client, events):
    assert client.get("/kalender/omrade/atlantis.ics").status_code == 404
    assert client.get("/kalender/tema/ukjent.ics").status_code == 404


FEED_URLS = (
    "/kalender/arrangementer.ics",
    "/kalender/omrade/ahus.ics",
    "/kalender/tema/demens.ics",
)


def feed_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured), len(parse(response).walk("VEVENT"))


def test_a_feed_takes_as_many_queries_for_ten_events_as_for_three(
    client, regions, topics, index_for
):
    def add(count):
        for _ in range(count):
            EventPageFactory(
                parent=index_for("event", regions["ahus"]),
                topics=[topics["demens"]],
                areas=[regions["oslo"]],
            )

    add(3)
    few = {url: feed_queries(client, url) for url in FEED_URLS}
    add(7)
    many = {url: feed_queries(client, url) for url in FEED_URLS}
    for url in FEED_URLS:
        assert few[url][1] == 3 and many[url][1] == 10, url
        assert many[url][0] == few[url][0], url


def test_the_event_page_links_to_its_calendar_file(client, index_for):
    page = EventPageFactory(parent=index_for("event"), title="Fagdag om legemidler")
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    [link] = [a for a in html.select("a") if "Legg i kalender" in a.get_text()]
    assert link["href"] == reverse("event_calendar", args=[page.pk])
    assert link.select_one(".visually-hidden").get_text(strip=True) == "«Fagdag om legemidler»"
    assert client.get(link["href"]).status_code == 200


def calendar_links(client, url, **params):
    html = BeautifulSoup(client.get(url, params).content, "html.parser")
    [link] = [a for a in html.select("a") if "Abonner på kalenderen" in a.get_text()]
    [head] = html.select('head link[rel="alternate"][type="text/calendar"]')
    return link["href"], head["href"]


def test_the_event_list_offers_the_calendar_of_its_area(client, regions, index_for):
    national = index_for("event").url
    assert calendar_links(client, national) == ("/kalender/arrangementer.ics",) * 2
    assert calendar_links(client, national, o="vestfold") == ("/kalender/omrade/vestfold.ics",) * 2
    regional = index_for("event", regions["ahus"]).url
    assert calendar_links(client, regional) == ("/kalender/omrade/ahus.ics",) * 2
