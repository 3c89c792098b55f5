"""Three languages: URL scheme, lang attribute, the switcher, hreflang, translated interface
strings and locale-aware dates."""

import datetime

from django.conf import settings
from django.utils import translation

import polib
import pytest
from bs4 import BeautifulSoup

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ARTICLE = "/fagartikler/svelgevansker/"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(page):
    return {
        link["lang"]: (link["href"], link.get("aria-current"))
        for link in page.select(".language-switcher a")
    }


def hreflangs(page):
    return {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"]')}


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        (ARTICLE, "nb", "Svelgevansker"),
        ("/nn" + ARTICLE, "nn", "Svelgjevanskar"),
        ("/en" + ARTICLE, "en", "Swallowing difficulties"),
    ],
)
def test_each_translation_is_served_under_its_language_prefix(
    client, translated_article, path, lang, title
):
    page = soup(client.get(path))
    assert page.html["lang"] == lang
    assert page.h1.get_text(strip=True) == title


def test_switcher_links_to_the_same_page_in_each_language(client, translated_article):
    page = soup(client.get("/nn" + ARTICLE))
    assert switcher(page) == {
        "nb": (ARTICLE, None),
        "nn": ("/nn" + ARTICLE, "true"),
        "en": ("/en" + ARTICLE, None),
    }


def test_hreflang_lists_every_translation_and_x_default(client, translated_article):
    page = soup(client.get("/en" + ARTICLE))
    assert hreflangs(page) == {
        "nb": "http://testserver" + ARTICLE,
        "nn": "http://testserver/nn" + ARTICLE,
        "en": "http://testserver/en" + ARTICLE,
        "x-default": "http://testserver" + ARTICLE,
    }


def test_untranslated_page_offers_the_other_languages_front_page_and_no_hreflang(
    client, translated_article, index_for
):
    courses = index_for("course")
    page = soup(client.get(courses.url))
    assert switcher(page)["en"] == ("/en/", None)
    assert hreflangs(page) == {}


def test_bokmal_keeps_unprefixed_urls_whatever_the_browser_asks_for(client, translated_article):
    page = soup(client.get(ARTICLE, HTTP_ACCEPT_LANGUAGE="en"))
    assert page.html["lang"] == "nb"
    assert page.select_one(".skip-link").get_text(strip=True) == "Hopp til hovedinnhold"


@pytest.mark.parametrize(
    ("prefix", "skip", "menu"),
    [
        ("", "Hopp til hovedinnhold", "Hovedmeny"),
        ("/nn", "Hopp til hovudinnhald", "Hovudmeny"),
        ("/en", "Skip to main content", "Main menu"),
    ],
)
def test_interface_strings_follow_the_page_language(client, translated_article, prefix, skip, menu):
    page = soup(client.get(prefix + ARTICLE))
    assert page.select_one(".skip-link").get_text(strip=True) == skip
    assert page.select_one(".main-nav")["aria-label"] == menu


def test_main_menu_links_to_translated_index_pages_where_they_exist(client, translated_article):
    page = soup(client.get("/en" + ARTICLE))
    links = {a.get_text(strip=True): a["href"] for a in page.select(".main-nav a")}
    assert links["E-learning"] == "/e-kurs/"  # not translated: the bokmål list
    assert links["Topics"] == "/fagtema/"


def test_search_page_exists_in_every_language(client, translated_article):
    assert soup(client.get("/nn/sok/")).html["lang"] == "nn"
    assert soup(client.get("/en/sok/")).html["lang"] == "en"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nb", "5. mars 2026"), ("nn", "5. mars 2026"), ("en", "5 March 2026")],
)
def test_dates_are_written_in_the_active_language(code, expected):
    from django.template import Context, Template

    template = Template('{{ day|date:"DATE_FORMAT" }}')
    with translation.override(code):
        assert template.render(Context({"day": datetime.date(2026, 3, 5)})) == expected


def test_event_capacity_is_grouped_the_norwegian_way(client, index_for):
    event = EventPageFactory(parent=index_for("event"), capacity=1200)
    page = soup(client.get(event.url))
    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "1\xa0200" in facts or "1 200" in facts, facts


def _catalog(code):
    return polib.pofile(str(settings.LOCALE_PATHS[0] / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_every_template_string_is_translated(code):
    """Strings from templates (the public interface) must have a translation in every .po."""
    untranslated = [
        entry.msgid
        for entry in _catalog(code)
        if any(path.endswith(".html") for path, _line in entry.occurrences)
        and not entry.translated()
    ]
    assert untranslated == []


@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_compiled_mo_files_match_the_po_files(code):
    """The committed .mo (what Django reads) holds exactly the .po's translations."""
    po = _catalog(code)
    mo = polib.mofile(str(settings.LOCALE_PATHS[0] / code / "LC_MESSAGES" / "django.mo"))
    compiled = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in mo if entry.msgid}
    expected = {
        entry.msgid: entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
        for entry in po.translated_entries()
    }
    compiled = {
        key: ({int(k): v for k, v in value.items()} if isinstance(value, dict) else value)
        for key, value in compiled.items()
    }
    assert compiled == expected, "run: python scripts/compile_messages.py"
