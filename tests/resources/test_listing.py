"""Listing pages filter by region, topic and audience, paginate, and survive any input."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CoursePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def listed_titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select("main article a")}


@pytest.fixture
def courses(regions, topics, audiences, index_for):
    return {
        "national": CoursePageFactory(
            parent=index_for("course"),
            title="Nasjonalt demenskurs",
            topics=[topics["demens"]],
            audiences=[audiences["sykepleiere"]],
        ),
        "innlandet": CoursePageFactory(
            parent=index_for("course", regions["innlandet"]),
            title="Legemidler i Innlandet",
            topics=[topics["legemidler"]],
        ),
        "shared": CoursePageFactory(
            parent=index_for("course", regions["ahus"]),
            title="Ahus-kurs delt med Innlandet",
            areas=[regions["innlandet"]],
        ),
    }


def test_national_listing_shows_every_course(client, courses):
    titles = listed_titles(client.get("/e-kurs/"))
    assert {c.title for c in courses.values()} <= titles


def test_region_filter_shows_owned_and_shared_items(client, courses):
    titles = listed_titles(client.get("/e-kurs/", {"region": "innlandet"}))
    assert titles == {"Legemidler i Innlandet", "Ahus-kurs delt med Innlandet"}


def test_national_filter_shows_only_national_items(client, courses):
    assert listed_titles(client.get("/e-kurs/", {"region": "nasjonalt"})) == {
        "Nasjonalt demenskurs"
    }


def test_topic_and_audience_filters_combine(client, courses):
    assert listed_titles(client.get("/e-kurs/", {"topic": "demens"})) == {"Nasjonalt demenskurs"}
    assert (
        listed_titles(client.get("/e-kurs/", {"topic": "legemidler", "audience": "sykepleiere"}))
        == set()
    )


def test_regional_listing_shows_local_and_national_items_local_first(client, courses):
    response = client.get("/innlandet/e-kurs/")
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select("main article a")]
    assert titles.index("Legemidler i Innlandet") < titles.index("Nasjonalt demenskurs")
    assert "Ahus-kurs delt med Innlandet" in titles


@pytest.mark.parametrize(
    "params",
    [
        {"region": "finnes-ikke"},
        {"topic": "x" * 500},
        {"audience": "'; DROP TABLE wagtailcore_page; --"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999"},
        {"topic": "\x00"},
    ],
)
def test_bad_filter_input_never_breaks_the_page(client, courses, params):
    response = client.get("/e-kurs/", params)
    assert response.status_code == 200
    assert listed_titles(response)  # the unfiltered list is still shown


def test_unknown_filter_value_shows_a_field_error(client, courses):
    soup = BeautifulSoup(client.get("/e-kurs/", {"topic": "finnes-ikke"}).content, "html.parser")
    assert "finnes-ikke" in soup.get_text() or soup.select(".errorlist, [role=alert]")


def test_pagination_keeps_filters(client, topics, index_for):
    for number in range(15):
        CoursePageFactory(
            parent=index_for("course"), title=f"Demenskurs {number:02d}", topics=[topics["demens"]]
        )
    first = client.get("/e-kurs/", {"topic": "demens"})
    second = client.get("/e-kurs/", {"topic": "demens", "page": "2"})
    assert len(listed_titles(first)) == 12
    assert len(listed_titles(second)) == 3
    assert listed_titles(first).isdisjoint(listed_titles(second))
    soup = BeautifulSoup(first.content, "html.parser")
    next_links = [a["href"] for a in soup.select("nav a[href*='page=2']")]
    assert next_links and all("topic=demens" in href for href in next_links)


def test_event_listing_shows_upcoming_and_past_separately(client, index_for):
    import datetime

    now = datetime.datetime.now(datetime.UTC)
    EventPageFactory(
        parent=index_for("event"), title="Kommende fagdag", start=now + datetime.timedelta(days=3)
    )
    EventPageFactory(
        parent=index_for("event"),
        title="Fagdag i fjor",
        start=now - datetime.timedelta(days=300),
        end=now - datetime.timedelta(days=300),
    )
    assert listed_titles(client.get("/kurs-og-moteplasser/")) == {"Kommende fagdag"}
    assert listed_titles(client.get("/kurs-og-moteplasser/", {"tidligere": "1"})) == {
        "Fagdag i fjor"
    }
