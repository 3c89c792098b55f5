"""News feeds (RSS 2.0 and Atom, parsed with feedparser), national and per area, the links
to them in page heads, and the old site's /aktuelt/page/N addresses."""

import datetime

from wagtail.models import PageViewRestriction

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(regions, index_for):
    ahus, innlandet = regions["ahus"], regions["innlandet"]

    def item(title, day, region=None, **fields):
        return NewsPageFactory(
            parent=index_for("news", region),
            title=title,
            date=datetime.date(2026, 3, day),
            summary=f"Sammendrag av {title.lower()}.",
            **fields,
        )

    made = {
        "national": item("Ny nasjonal veileder", 2),
        "ahus": item("Nytt fra Ahus", 5, ahus),
        "innlandet": item("Nytt fra Innlandet", 4, innlandet),
        "national_for_innlandet": item("Nasjonalt, bare for Innlandet", 3, areas=[innlandet]),
        "draft": item("Utkast", 6, live=False),
        "private": item("Intern nyhet", 7),
    }
    PageViewRestriction.objects.create(page=made["private"], restriction_type="login")
    return made


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/feed/aktuelt/rss/", "application/rss+xml"),
        ("/feed/aktuelt/atom/", "application/atom+xml"),
    ],
)
def test_the_national_feed_has_all_published_news_newest_first(client, news, url, content_type):
    feed = parse(client, url, content_type)
    assert titles(feed) == [
        "Nytt fra Ahus",
        "Nytt fra Innlandet",
        "Nasjonalt, bare for Innlandet",
        "Ny nasjonal veileder",
    ]
    entry = feed.entries[0]
    assert entry.link == news["ahus"].full_url
    assert entry.link.startswith("http")
    assert entry.summary == "Sammendrag av nytt fra ahus."
    assert entry.id == f"urn:uuid:{news['ahus'].translation_key}"
    # Dated 5 March without a first publication that day: out at 07:00 Oslo time (06:00 UTC).
    assert tuple(entry.published_parsed)[:6] == (2026, 3, 5, 6, 0, 0)
    assert [tag.term for tag in entry.tags] == ["Ahus"]
    assert [tag.term for tag in feed.entries[-1].tags] == ["Nasjonalt"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_an_area_feed_has_what_that_area_sees(client, news, kind):
    content_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    ahus = parse(client, f"/feed/aktuelt/ahus/{kind}/", content_type)
    assert titles(ahus) == ["Nytt fra Ahus", "Ny nasjonal veileder"]
    assert "Ahus" in ahus.feed.title
    assert ahus.feed.link == news["ahus"].get_parent().full_url
    innlandet = parse(client, f"/feed/aktuelt/innlandet/{kind}/", content_type)
    assert titles(innlandet) == [
        "Nytt fra Innlandet",
        "Nasjonalt, bare for Innlandet",
        "Ny nasjonal veileder",
    ]


def test_a_feed_has_the_newest_items_only(client, news, monkeypatch):
    monkeypatch.setattr("resources.news_feeds.FEED_LENGTH", 2)
    feed = parse(client, "/feed/aktuelt/rss/", "application/rss+xml")
    assert titles(feed) == ["Nytt fra Ahus", "Nytt fra Innlandet"]


def test_an_unknown_area_has_no_feed(client, news):
    assert client.get("/feed/aktuelt/atlantis/rss/").status_code == 404
    assert client.get("/feed/aktuelt/atlantis/atom/").status_code == 404


def feed_links(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [
        link["href"]
        for link in html.select('head link[rel="alternate"]')
        if link.get("type") in ("application/rss+xml", "application/atom+xml")
    ]


def test_pages_that_list_news_link_to_their_feeds(client, regions, index_for):
    national = ["/feed/aktuelt/rss/", "/feed/aktuelt/atom/"]
    ahus = ["/feed/aktuelt/ahus/rss/", "/feed/aktuelt/ahus/atom/"]
    assert feed_links(client, index_for("news").url) == national
    assert feed_links(client, index_for("news", regions["ahus"]).url) == ahus + national
    assert feed_links(client, "/") == national
    assert (
        feed_links(client, index_for("news", regions["ahus"]).get_parent().url) == ahus + national
    )


def test_old_page_addresses_go_to_the_same_page_of_the_list(client, regions, index_for):
    index = index_for("news")
    for number in range(13):  # two pages of twelve
        NewsPageFactory(parent=index, date=datetime.date(2026, 1, 1) + datetime.timedelta(number))
    response = client.get(f"{index.url}page/2/")
    assert response.status_code == 301
    assert response["Location"] == f"{index.url}?page=2"
    listing = client.get(response["Location"])
    assert listing.context["items"].number == 2
    assert len(listing.context["items"]) == 1


def test_old_page_addresses_without_a_slash_and_in_a_region_redirect_permanently(
    client, regions, index_for
):
    national = index_for("news").url
    assert national == "/aktuelt/"
    response = client.get("/aktuelt/page/2", follow=True)
    assert response.redirect_chain[-1] == ("/aktuelt/?page=2", 301)
    assert all(status == 301 for _, status in response.redirect_chain)
    regional = index_for("news", regions["ahus"]).url
    response = client.get(f"{regional}page/3/?region=ahus")
    assert response.status_code == 301
    assert response["Location"] == f"{regional}?region=ahus&page=3"


@pytest.mark.parametrize("number", ["0", "x", "2x", "-1", "٣"])
def test_an_old_page_address_without_a_page_number_is_not_found(client, index_for, number):
    assert client.get(f"{index_for('news').url}page/{number}/").status_code == 404
