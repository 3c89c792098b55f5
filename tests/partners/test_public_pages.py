"""What visitors see of partners: "Laget av X i samarbeid med Y og Z" on a resource page, linking
to a page per organisation that lists what it made (published and public only, by the area
rules); a competence network's page with its members, contact people, meetings and resources;
and the front door's cache purged of the network and organisation pages that show an item.
(The organisation page's pagination and query budget: tests/frontend/test_query_counts.py.)"""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from pagecache.showing import urls_showing
from resources.models import NetworkContact, NetworkMember
from tests import factories as f

pytestmark = pytest.mark.django_db


def soup(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page):
    return [title.get_text(strip=True) for title in page.select(".card__title")]


def test_a_resource_page_credits_its_makers_with_links_to_their_pages(client, index_for):
    ahus = f.OrganisationFactory(name="Akershus universitetssykehus", slug="ahus", kind="sykehus")
    oslomet = f.OrganisationFactory(name="OsloMet", kind="utdanning")
    lillestrom = f.OrganisationFactory(name="Lillestrøm kommune")
    course = f.CoursePageFactory(
        parent=index_for("course"),
        title="Observasjon med NEWS2",
        made_by=ahus,
        made_with=[oslomet, lillestrom],
    )
    article = f.ArticlePageFactory(parent=index_for("article"), made_with=[oslomet])
    plain = f.ArticlePageFactory(parent=index_for("article"))

    credits = soup(client, course.url).select_one(".resource__credits")
    assert credits.get_text(" ", strip=True) == (
        "Laget av Akershus universitetssykehus i samarbeid med Lillestrøm kommune og OsloMet"
    )
    links = {link.get_text(): link["href"] for link in credits.find_all("a")}
    assert links["Akershus universitetssykehus"] == "/samarbeidspartnere/ahus/"
    for name, href in links.items():
        organisation_page = soup(client, href)
        assert organisation_page.h1.get_text() == name
        assert "Observasjon med NEWS2" in card_titles(organisation_page)
    # Without a maker, those who made it together; without credits, no line.
    only_with = soup(client, article.url).select_one(".resource__credits")
    assert only_with.get_text(" ", strip=True) == "Laget av OsloMet"
    assert soup(client, plain.url).select_one(".resource__credits") is None


def test_an_organisation_page_lists_only_its_live_public_items_by_the_area_rules(
    client, regions, index_for
):
    usht = f.OrganisationFactory(
        name="USHT Innlandet",
        kind="senter",
        regions=[regions["innlandet"]],
        description="Utviklingssenter for sykehjem og hjemmetjenester.",
    )
    made = f.CoursePageFactory(parent=index_for("course"), title="Nasjonalt kurs", made_by=usht)
    local = f.NewsPageFactory(
        parent=index_for("news", regions["innlandet"]), title="Lokal nyhet", made_with=[usht]
    )
    f.ArticlePageFactory(parent=index_for("article"), title="Utkast", made_by=usht, live=False)
    private = f.ArticlePageFactory(
        parent=index_for("article"), title="Bare innlogget", made_by=usht
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    f.ArticlePageFactory(parent=index_for("article"), title="Andres artikkel")
    url = reverse("organisation", args=[usht.slug])

    page = soup(client, url)
    assert set(card_titles(page)) == {made.title, local.title}
    assert "Utviklingssenter for sykehjem og hjemmetjenester." in page.get_text()
    crumbs = [link.get_text() for link in page.select(".breadcrumbs a")]
    assert crumbs == ["Forside", "Samarbeidspartnere", "USHT Innlandet"]
    assert page.title.get_text() == "USHT Innlandet – Kompetansebroen"
    # A visitor in Innlandet sees the local item first; one in Ahus does not see it.
    assert card_titles(soup(client, url, o="innlandet")) == [local.title, made.title]
    assert card_titles(soup(client, url, o="ahus")) == [made.title]
    # The list of organisations links to it, under its type and with its region.
    listing = soup(client, reverse("organisations"), region="innlandet")
    section = listing.find("h2", string="Senter").find_parent("section")
    assert section.find("a", href=url).get_text() == "USHT Innlandet"
    assert soup(client, reverse("organisations"), region="ahus").find("a", href=url) is None
    assert f"http://testserver{url}" in client.get("/sitemap.xml").content.decode()
    assert client.get(reverse("organisation", args=["finnes-ikke"])).status_code == 404


def test_a_network_page_shows_members_contacts_meetings_and_resources(client, index_for):
    usht = f.OrganisationFactory(name="USHT Østfold", kind="senter")
    hospital = f.OrganisationFactory(name="Sykehuset Østfold", kind="sykehus")
    network = f.NetworkPageFactory(
        parent=index_for("network"),
        title="Smittevernnettverket",
        members=[NetworkMember(organisation=usht), NetworkMember(organisation=hospital)],
        contacts=[
            NetworkContact(
                name="Kari Nordmann",
                role="Leder",
                email="kari@example.org",
                phone="+47 400 00 001",
                organisation=usht,
            )
        ],
    )
    events = index_for("event")
    soon = timezone.now() + datetime.timedelta(days=10)
    f.EventPageFactory(parent=events, title="Nettverksmøte i mars", network=network, start=soon)
    f.EventPageFactory(
        parent=events,
        title="Nettverksmøte i fjor",
        network=network,
        start=soon - datetime.timedelta(days=400),
    )
    f.EventPageFactory(parent=events, title="Utkast til møte", network=network, live=False)
    f.EventPageFactory(parent=events, title="Et annet arrangement")
    course = f.CoursePageFactory(parent=index_for("course"), title="Basale smittevernrutiner")
    draft = f.CoursePageFactory(parent=index_for("course"), title="Upublisert kurs", live=False)
    network.resources = [("resource", course), ("resource", draft)]
    network.save_revision().publish()

    page = soup(client, network.url)
    text = page.get_text(" ", strip=True)
    members = page.find(id="members-title").find_parent("section")
    assert [link.get_text() for link in members.find_all("a")] == [
        "USHT Østfold",
        "Sykehuset Østfold",
    ]
    contact = page.select_one(".contact")
    assert "Kari Nordmann" in contact.get_text() and "Leder" in contact.get_text()
    assert contact.find("a", href="mailto:kari@example.org")
    assert contact.find("a", href="tel:+4740000001")
    meetings = page.find(id="meetings-title").find_parent("section").get_text(" ", strip=True)
    assert "Nettverksmøte i mars" in meetings and "Nettverksmøte i fjor" in meetings
    assert "Utkast til møte" not in text and "Et annet arrangement" not in text
    resources = page.find(id="network-resources-title").find_parent("section")
    assert [title.get_text(strip=True) for title in resources.select(".card__title")] == [
        "Basale smittevernrutiner"
    ]
    # The meeting's own page names the network it belongs to.
    meeting = network.meetings.get(title="Nettverksmøte i mars")
    fact = soup(client, meeting.url).find("dt", string="Møte i").find_next("a")
    assert fact["href"] == network.url


def test_publishing_purges_the_network_and_organisation_pages_that_show_an_item(regions, index_for):
    first = f.NetworkPageFactory(parent=index_for("network"), title="Første nettverk")
    second = f.NetworkPageFactory(parent=index_for("network"), title="Andre nettverk")
    ahus = f.OrganisationFactory(name="Ahus", kind="sykehus")
    oslomet = f.OrganisationFactory(name="OsloMet", kind="utdanning")
    kommune = f.OrganisationFactory(name="Lillestrøm kommune")
    event = f.EventPageFactory(
        parent=index_for("event"), network=first, made_by=ahus, made_with=[oslomet]
    )
    shown = urls_showing(event)
    for url in (first.full_url, *organisation_urls(ahus, oslomet)):
        assert url in shown
    assert second.full_url not in shown and organisation_urls(kommune)[0] not in shown

    # Moved to the other network and credited to someone else: the pages that showed it
    # before are purged too.
    event.network = second
    event.made_by = kommune
    event.made_with = []
    event.save_revision().publish()
    shown = urls_showing(event)
    for url in (first.full_url, second.full_url, *organisation_urls(ahus, oslomet, kommune)):
        assert url in shown


def organisation_urls(*organisations):
    return [
        "http://localhost" + reverse("organisation", args=[organisation.slug])
        for organisation in organisations
    ]
