"""schema.org structured data (JSON-LD) on resource pages, read back from the rendered HTML
the way a search engine reads it."""

import datetime
import json
from urllib.parse import urlsplit

from wagtail.models import Collection

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from resources.models import CoursePage
from resources.structured_data import course_mode
from tests import factories as f

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    """Every JSON-LD block in the page, parsed."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def only_json_ld(html):
    blocks = json_ld(html)
    assert len(blocks) == 1, blocks
    return blocks[0]


def canonical_url(html):
    return BeautifulSoup(html, "html.parser").find("link", rel="canonical")["href"]


def assert_absolute(url):
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https"), url
    assert parts.netloc, url


def test_course_describes_itself_as_a_free_online_course(
    client, regions, topics, audiences, index_for
):
    course = f.CoursePageFactory(
        parent=index_for("course", regions["innlandet"]),
        title="Trygg bruk av legemidler hos eldre",
        summary="Om legemiddelgjennomgang og samstemming for sykepleiere.",
        duration_minutes=90,
        course_format="e-læring",
        provider="Senter for omsorgsforskning",
        topics=[topics["legemidler"], topics["demens"]],
        audiences=[audiences["sykepleiere"]],
    )
    html = render(client, course)
    data = only_json_ld(html)

    assert data["@context"] == SCHEMA
    assert data["@type"] == "Course"
    assert data["name"] == course.title
    assert data["description"] == course.summary
    assert_absolute(data["url"])
    assert data["url"] == canonical_url(html) == course.get_full_url()
    assert urlsplit(data["url"]).path == course.url
    assert data["inLanguage"] == "nb"
    assert data["provider"] == {"@type": "Organization", "name": "Senter for omsorgsforskning"}
    assert data["publisher"]["name"] == "Kompetansebroen"
    assert data["publisher"]["department"]["name"] == "Innlandet"
    assert "image" not in data  # no image chosen, and the site has no default image

    [instance] = data["hasCourseInstance"]
    assert instance == {
        "@type": "CourseInstance",
        "courseMode": "online",
        "courseWorkload": "PT1H30M",
    }
    [offer] = data["offers"]
    assert offer["@type"] == "Offer"
    assert offer["category"] == "Free"
    assert offer["price"] == 0
    assert offer["priceCurrency"] == "NOK"
    assert data["isAccessibleForFree"] is True
    assert sorted(thing["name"] for thing in data["about"]) == ["Demens", "Legemidler"]
    assert data["audience"] == [{"@type": "Audience", "audienceType": "Sykepleiere"}]


def test_course_without_provider_names_kompetansebroen_with_its_address_and_shows_its_image(
    client, index_for
):
    image = wagtail_factories.ImageFactory(collection=Collection.get_first_root_node())
    course = f.CoursePageFactory(
        parent=index_for("course"), provider="", duration_minutes=None, image=image
    )
    data = only_json_ld(render(client, course))

    page_origin = urlsplit(course.get_full_url())
    provider = data["provider"]
    assert provider["name"] == "Kompetansebroen"
    assert provider["url"] == f"{page_origin.scheme}://{page_origin.netloc}/"
    assert "department" not in provider  # national: owned by no region
    assert "courseWorkload" not in data["hasCourseInstance"][0]

    rendition = image.get_rendition("fill-1200x675")
    assert_absolute(data["image"])
    assert urlsplit(data["image"]).netloc == page_origin.netloc
    assert urlsplit(data["image"]).path == rendition.url


@pytest.mark.parametrize(
    ("course_format", "delivery", "mode"),
    [
        ("e-læring", "ekstern", "online"),
        ("webinar", "ekstern", "online"),
        ("videokurs", "scorm", "online"),
        ("klasserom", "ekstern", "onsite"),
        ("klasserom", "leksjoner", "blended"),
    ],
)
def test_course_mode_follows_format_and_where_the_course_is_taken(course_format, delivery, mode):
    assert course_mode(CoursePage(course_format=course_format, delivery=delivery)) == mode


def test_online_event_has_virtual_location_times_with_offset_and_registration_offer(
    client, index_for
):
    event = f.EventPageFactory(
        parent=index_for("event"),
        title="Fagdag om demens",
        start=datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 3, 10, 15, 0, tzinfo=datetime.UTC),
        online=True,
        location="Digitalt (Teams)",
        registration_url="https://skjema.example.org/fagdag",
        registration_deadline=datetime.date(2027, 3, 1),
        capacity=80,
        organiser="Kompetansebroen",
    )
    html = render(client, event)
    data = only_json_ld(html)

    assert data["@context"] == SCHEMA
    assert data["@type"] == "Event"
    assert data["name"] == "Fagdag om demens"
    assert data["description"] == event.summary
    assert data["url"] == canonical_url(html) == event.get_full_url()
    assert_absolute(data["url"])
    assert data["inLanguage"] == "nb"
    # Stored in UTC, published in Oslo time (winter: +01:00) with the offset.
    assert data["startDate"] == "2027-03-10T10:00:00+01:00"
    assert data["endDate"] == "2027-03-10T16:00:00+01:00"
    start = datetime.datetime.fromisoformat(data["startDate"])
    assert start == event.start and start.utcoffset() == datetime.timedelta(hours=1)
    assert data["eventStatus"] == f"{SCHEMA}EventScheduled"
    assert data["eventAttendanceMode"] == f"{SCHEMA}OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://skjema.example.org/fagdag",
    }
    assert data["organizer"]["name"] == "Kompetansebroen"
    assert_absolute(data["organizer"]["url"])
    assert data["offers"] == {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "NOK",
        "url": "https://skjema.example.org/fagdag",
        "availability": f"{SCHEMA}InStock",
        "validThrough": "2027-03-01T23:59:59+01:00",
    }
    assert data["maximumAttendeeCapacity"] == 80


def test_onsite_event_has_a_place_and_offers_the_page_itself(client, index_for):
    event = f.EventPageFactory(
        parent=index_for("event"),
        start=datetime.datetime(2027, 6, 10, 7, 0, tzinfo=datetime.UTC),
        end=None,
        online=False,
        location="Gjøvik rådhus, Kauffeldts plass 1",
        registration_url="",
        organiser="Sykehuset Innlandet",
    )
    data = only_json_ld(render(client, event))

    assert data["startDate"] == "2027-06-10T09:00:00+02:00"  # summer time
    assert "endDate" not in data
    assert data["eventAttendanceMode"] == f"{SCHEMA}OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Gjøvik rådhus, Kauffeldts plass 1",
        "address": "Gjøvik rådhus, Kauffeldts plass 1",
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Sykehuset Innlandet"}
    assert data["offers"]["url"] == event.get_full_url()
    assert data["offers"]["price"] == 0
    assert data["offers"]["priceCurrency"] == "NOK"
    assert "validThrough" not in data["offers"]
    assert "maximumAttendeeCapacity" not in data


def test_editor_text_cannot_break_out_of_the_json_ld_script(client, index_for):
    title = "</script><script>alert(1)</script> Kurs & <b>sånt</b>"
    course = f.CoursePageFactory(
        parent=index_for("course"),
        title=title,
        slug="utbryterkurs",
        summary="Slutt på </script>-taggen & <!-- kommentar",
    )
    html = render(client, course)

    assert "</script><script>" not in html
    assert "alert(1)</script>" not in html
    data = only_json_ld(html)
    assert data["name"] == title
    assert data["description"] == course.summary


def test_a_type_without_a_builder_has_no_json_ld(client, index_for):
    article = f.ArticlePageFactory(parent=index_for("article"))
    html = render(client, article)
    assert json_ld(html) == []
    assert "application/ld+json" not in html
