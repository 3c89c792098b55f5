"""The menu and the front page's "Gå til …" links come from the page tree: each type's list in
the visitor's language (bokmål where it is not translated), and the region's own list when the
visitor has chosen an area."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from builder.demo.content import translate_page
from resources.registry import menu_types
from tests.factories import CoursePageFactory, NewsPageFactory

TRANSLATIONS = {
    ("Kompetansebroen", "nn"): "Kompetansebroen",
    ("Kompetansebroen", "en"): "Kompetansebroen",
    ("E-kurs", "nn"): "E-kurs",
    ("E-kurs", "en"): "E-learning",
}
# The menu's labels in each language (bokmål source, nynorsk and English from the .po files).
MENU_LABELS = {
    "nb": ["Fagtema", "E-kurs", "Filmer", "Podkaster", "Aktuelt", "Kurs og møteplasser"],
    "nn": ["Fagtema", "E-kurs", "Filmar", "Podkastar", "Aktuelt", "Kurs og møteplassar"],
    "en": ["Topics", "E-learning", "Films", "Podcasts", "News", "Courses and events"],
}


def menu(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(strip=True), a["href"]) for a in page.select(".main-nav a")]


def go_to_links(response):
    page = BeautifulSoup(response.content, "html.parser")
    return {
        a.find_parent("section")["aria-labelledby"]: a["href"]
        for a in page.select(".section__more")
    }


@pytest.fixture
def site(home_page, regions, index_for):
    """Every national list, each region's lists, and the course list (with the front page)
    translated into nynorsk and English."""
    for kind in menu_types():
        index_for(kind.key)
    course_list = index_for("course")
    for code in ("nn", "en"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        for page in (home_page, course_list):
            translate_page(page, locale, lambda text, language: TRANSLATIONS.get((text, language)))
    return regions


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_menu_labels_come_from_the_type_registry_in_the_visitors_language(client, site, language):
    prefix = "" if language == "nb" else f"/{language}"
    labels = [label for label, _url in menu(client.get(f"{prefix}/"))]
    assert labels[: len(MENU_LABELS[language])] == MENU_LABELS[language]
    assert len(labels) == len(menu_types())


def test_menu_leads_to_the_national_lists_in_bokmal(client, site):
    urls = dict(menu(client.get("/")))
    assert urls == {
        "Fagtema": "/fagtema/",
        "E-kurs": "/e-kurs/",
        "Filmer": "/film/",
        "Podkaster": "/podkast/",
        "Aktuelt": "/aktuelt/",
        "Kurs og møteplasser": "/kurs-og-moteplasser/",
        "Forskning": "/forskning/",
        "Prosjekter": "/prosjekter/",
    }


@pytest.mark.parametrize(("language", "label"), [("nn", "E-kurs"), ("en", "E-learning")])
def test_menu_leads_to_translated_lists_and_falls_back_to_bokmal(client, site, language, label):
    urls = dict(menu(client.get(f"/{language}/")))
    assert urls[label] == f"/{language}/e-kurs/"  # translated
    films = {"nn": "Filmar", "en": "Films"}[language]
    assert urls[films] == "/film/"  # not translated: the bokmål list


def test_menu_leads_to_the_regions_own_lists_when_an_area_is_chosen(client, site):
    urls = dict(menu(client.get("/?o=innlandet")))
    assert urls["E-kurs"] == "/innlandet/e-kurs/"
    assert urls["Aktuelt"] == "/innlandet/aktuelt/"
    assert urls["Fagtema"] == "/fagtema/"  # themes are national only
    # The choice is remembered: the next page's menu (from the cookie) is regional too.
    assert dict(menu(client.get("/fagtema/")))["Prosjekter"] == "/innlandet/prosjekter/"
    client.cookies.pop("omrade")
    assert dict(menu(client.get("/fagtema/")))["Prosjekter"] == "/prosjekter/"


def test_english_menu_with_an_area_keeps_translated_lists_and_regional_fallbacks(client, site):
    urls = dict(menu(client.get("/en/?o=ahus")))
    assert urls["E-learning"] == "/en/e-kurs/"
    assert urls["News"] == "/ahus/aktuelt/"


def test_front_page_go_to_links_follow_language_and_area(client, site, index_for):
    CoursePageFactory(parent=index_for("course"))
    NewsPageFactory(parent=index_for("news"))
    assert go_to_links(client.get("/")) == {
        "section-news": "/aktuelt/",
        "section-course": "/e-kurs/",
    }
    assert go_to_links(client.get("/?o=vestfold")) == {
        "section-news": "/vestfold/aktuelt/",
        "section-course": "/vestfold/e-kurs/",
    }


def test_region_page_go_to_links_lead_to_the_regions_lists(client, site, index_for):
    NewsPageFactory(parent=index_for("news", site["oslo"]))
    links = go_to_links(client.get("/oslo/"))
    assert links == {"section-news": "/oslo/aktuelt/"}


def test_go_to_link_text_names_the_list_by_its_section_label(client, site, index_for):
    CoursePageFactory(parent=index_for("course"))
    NewsPageFactory(parent=index_for("news"))
    page = BeautifulSoup(client.get("/").content, "html.parser")
    texts = sorted(link.get_text(strip=True) for link in page.select(".section__more"))
    assert texts == ["Gå til Aktuelt", "Gå til E-kurs"]
