"""The favourite button on every resource page, "Mine favoritter" in three languages and the
footer link to it, as the HTML a browser gets (the behaviour itself is in
tests/browser/test_favourites.py)."""

import re
from pathlib import Path

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

from favourites.lookup import MAX_FAVOURITES
from tests.factories import ArticlePageFactory, EventPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

SCRIPT = Path(settings.BASE_DIR) / "favourites" / "static" / "favourites" / "favourites.js"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("factory", "kind"),
    [(ArticlePageFactory, "article"), (EventPageFactory, "event"), (ProjectPageFactory, "project")],
)
def test_every_resource_page_has_a_hidden_toggle_button_in_its_header(
    index_for, client, factory, kind
):
    page = factory(parent=index_for(kind))
    html = soup(client.get(page.url))
    box = html.select_one(".resource__header [data-favourite]")
    assert box["data-favourite"] == str(page.pk)
    assert box.has_attr("hidden")  # shown by favourites.js; without JavaScript it cannot work
    button = box.find("button")
    assert (button["type"], button["aria-pressed"]) == ("button", "false")
    assert button.get_text(strip=True) == "Legg til favoritt"
    assert box["data-label-remove"] == "Fjern fra favoritter"
    assert box.select_one("[role=status]") is not None
    script = html.find("script", src=re.compile(r"favourites/favourites\.js$"))
    assert script.has_attr("defer")


def test_the_script_is_loaded_only_where_favourites_are(client, home_page):
    assert "favourites.js" not in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("prefix", "lang", "heading"),
    [
        ("", "nb", "Mine favoritter"),
        ("/nn", "nn", "Mine favorittar"),
        ("/en", "en", "My favourites"),
    ],
)
def test_my_favourites_page_exists_in_every_language(client, home_page, prefix, lang, heading):
    html = soup(client.get(f"{prefix}/mine-favoritter/"))
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == heading
    assert html.select_one("[data-favourites]")["data-favourites"] == f"{prefix}/api/favoritter/"
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_without_javascript_the_page_says_why_it_is_empty(client, home_page):
    html = soup(client.get("/mine-favoritter/"))
    message = html.find("noscript").get_text(" ", strip=True)
    assert "JavaScript" in message and "bare i denne nettleseren" in message
    assert html.select_one("[data-favourites-items]").has_attr("hidden")
    assert html.select_one("[data-favourites-empty]").has_attr("hidden")


def test_the_footer_links_to_my_favourites_in_the_page_language(client, home_page):
    for prefix, name in [("", "Mine favoritter"), ("/en", "My favourites")]:
        links = soup(client.get(f"{prefix}/mine-favoritter/")).select(".site-footer a")
        assert (name, f"{prefix}/mine-favoritter/") in [
            (a.get_text(strip=True), a["href"]) for a in links
        ]


def test_the_script_caps_the_list_where_the_endpoint_does():
    assert f"var MAX = {MAX_FAVOURITES};" in SCRIPT.read_text()
