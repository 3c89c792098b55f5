"""Every page findable: standard pages, region pages and projects are found by search, the other
pages in their own short list (search/pages.py) and never among the resource results or facets;
the header's search box has the same autocomplete as /sok/."""

import io

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from builder.demo.content import DemoSummary, ensure_standard_pages
from home.models import RegionPage, StandardPage
from resources.registry import resource_models
from search.pages import matching_pages
from tests.factories import CoursePageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(home_page, regions, index_for):
    """The demo's om oss, personvern and tilgjengelighetserklæring pages, the five region
    pages, a project and a course."""
    pages = ensure_standard_pages(home_page, DemoSummary())
    project = ProjectPageFactory(
        parent=index_for("project", regions["innlandet"]),
        title="Samhandlingsløftet",
        summary="Felles opplæring for kommuner og sykehus.",
        partners=[("item", "Gjøvik kommune"), ("item", "Sykehuset Innlandet")],
    )
    course = CoursePageFactory(
        parent=index_for("course"),
        title="Informasjonssikkerhet og personvern i kommunen",
        summary="Taushetsplikt og personvern i praksis.",
    )
    return {
        "about": pages["about_page"],
        "privacy": pages["privacy_page"],
        "accessibility": pages["accessibility_page"],
        "project": project,
        "course": course,
    }


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return response.json()


def page_ids(data):
    return [page["id"] for page in data["pages"]]


def test_standard_pages_are_found_and_listed_apart_from_resources(client, site_pages):
    privacy = site_pages["privacy"]
    data = api(client, q="personvern")
    assert data["pages"][0] == {
        "id": privacy.pk,
        "title": "Personvernerklæring",
        "url": "/personvern/",
        "type": "standard",
    }
    # The resource results are what they were: the course, nothing else.
    assert [r["id"] for r in data["results"]] == [site_pages["course"].pk]
    assert data["count"] == 1 and data["facets"]["type"] == {"course": 1}


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Om Kompetansebroen", "about"),
        ("om oss", "about"),  # stop words only: found by its slug, /om-oss/
        ("kompetansedeling samhandling", "about"),
        ("personvernerklæring", "privacy"),
        ("informasjonskapsler", "privacy"),
        ("tilgjengelighetserklæring", "accessibility"),
        ("tilgjengelighetserklaering", "accessibility"),  # typed without æ
        ("universell utforming", "accessibility"),
    ],
)
def test_about_privacy_and_accessibility_pages_are_found(client, site_pages, query, key):
    assert site_pages[key].pk in page_ids(api(client, q=query))


def test_a_region_page_is_found_by_its_regions_name(client, site_pages, regions):
    page = RegionPage.objects.get(region=regions["innlandet"])
    page.title = "Helsefellesskapet vårt"
    page.save_revision().publish()
    data = api(client, q="innlandet")
    found = [p for p in data["pages"] if p["type"] == "region"]
    assert found == [
        {"id": page.pk, "title": "Helsefellesskapet vårt", "url": page.url, "type": "region"}
    ]
    # A region page is no resource: the results hold the Innlandet project only.
    assert page.pk not in [r["id"] for r in data["results"]]


def test_a_project_is_found_by_its_name_and_its_partners(client, site_pages):
    project = site_pages["project"]
    for query in ("Samhandlingsløftet", "samhandlingsloftet"):
        data = api(client, q=query)
        assert [r["id"] for r in data["results"]] == [project.pk], query
        assert data["results"][0]["type"] == "project"
        assert data["facets"]["type"] == {"project": 1}
    # A place in the query favours its region instead of being required (search/lexicon.py),
    # so "Gjøvik kommune" also finds other items about kommuner; the partner is among them.
    data = api(client, q="Gjøvik kommune")
    assert project.pk in [r["id"] for r in data["results"]]


def test_other_pages_never_appear_among_resource_results_or_facets(client, site_pages):
    others = set(StandardPage.objects.values_list("pk", flat=True)) | set(
        RegionPage.objects.values_list("pk", flat=True)
    )
    for query in ("personvern", "innlandet", "kompetansebroen", "ahus", "tilgjengelig"):
        data = api(client, q=query, page_size=50)
        assert not others & {r["id"] for r in data["results"]}, query
        assert set(data["facets"]["type"]) <= set(resource_models()), query
        assert data["count"] == len(data["results"]), query
    # Filters and browsing without words are about resources only and list no other pages.
    browse = api(client, type="course")
    assert browse["pages"] == [] and browse["count"] == 1


def test_other_pages_only_on_the_first_page_and_with_query_words(client, site_pages):
    assert page_ids(api(client, q="personvern")) != []
    assert page_ids(api(client, q="personvern", page=2)) == []
    assert page_ids(api(client, q="personvern", type="course")) == []  # a filter: resources
    assert api(client, q="og i på")["pages"] == []
    assert api(client, q="om oss", page=2)["pages"] == []
    assert api(client, q="")["pages"] == []


def test_drafts_private_and_expired_pages_are_not_listed(client, site_pages):
    site_pages["privacy"].unpublish()
    PageViewRestriction.objects.create(
        page=site_pages["accessibility"], restriction_type=PageViewRestriction.LOGIN
    )
    about = site_pages["about"]
    about.expired = True
    about.save()
    for query in ("personvernerklæring", "tilgjengelighetserklæring", "Om Kompetansebroen"):
        assert api(client, q=query)["pages"] == [], query


def test_one_page_per_translation_in_the_visitors_language(site_pages):
    privacy = site_pages["privacy"]
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = privacy.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    with translation.override("nb"):
        assert [p.pk for p in matching_pages("personvernerklæring")] == [privacy.pk]
    with translation.override("en"):
        assert [p.pk for p in matching_pages("personvernerklæring")] == [translated.pk]


def test_limit_and_hostile_text():
    assert matching_pages("personvern", limit=0) == []
    for text in ('"', "*", "AND OR NOT", "\x00", "'; DROP TABLE x; --", "x" * 500):
        assert matching_pages(text) == []


def test_update_index_indexes_standard_and_region_pages(site_pages):
    from wagtail.search import index

    for page in [*StandardPage.objects.all(), *RegionPage.objects.all()]:
        index.remove_object(page)
    assert matching_pages("personvernerklæring") == matching_pages("Ahus") == []
    call_command("update_index", stdout=io.StringIO())
    assert [p.pk for p in matching_pages("personvernerklæring")] == [site_pages["privacy"].pk]
    assert [p.title for p in matching_pages("Ahus")][0] == "Ahus"


def test_search_page_lists_other_pages_above_the_results(client, site_pages):
    html = client.get("/sok/", {"q": "personvern"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one("section.search-pages")
    assert section.h2.get_text(strip=True) == "Sider"
    assert [(a.get_text(strip=True), a["href"]) for a in section.select("a")][0] == (
        "Personvernerklæring",
        "/personvern/",
    )
    assert html.index('id="pages-title"') < html.index('id="results-title"')
    region = BeautifulSoup(client.get("/sok/", {"q": "vestfold"}).content, "html.parser")
    item = region.select_one("section.search-pages li")
    assert item.get_text(" ", strip=True) == "Vestfold (Område)"
    nothing = BeautifulSoup(client.get("/sok/", {"q": "qqqzzz"}).content, "html.parser")
    assert nothing.select_one("section.search-pages") is None


def test_search_page_heading_and_autocomplete_status_are_translated(client, site_pages):
    soup = BeautifulSoup(client.get("/en/sok/", {"q": "personvern"}).content, "html.parser")
    assert soup.select_one("#pages-title").get_text(strip=True) == "Pages"
    # What the autocomplete announces to screen readers is in the page's language too.
    for box in soup.select("#header-search-q, #search-q"):
        assert box["data-status-one"] == "1 suggestion available."
        assert box["data-status-many"] == "{n} suggestions available."


@pytest.mark.parametrize("path", ["/", "/personvern/", "/sok/?q=personvern"])
def test_header_search_has_the_autocomplete_on_every_page(client, site_pages, path):
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one("#header-search-q")
    assert box["data-search-autocomplete"] == "/api/search/autocomplete/"
    assert soup.select_one("#" + box["aria-describedby"]).get_text(strip=True)
    assert box.find_parent("form")["action"] == "/sok/"  # works without JavaScript too
    scripts = [s for s in soup.select("script[src]") if "autocomplete" in s["src"]]
    assert len(scripts) == 1 and scripts[0].has_attr("defer")
