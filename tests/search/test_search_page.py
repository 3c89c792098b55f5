"""The site search page finds live pages and treats any input as text."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("main li a, main article a")]


def test_search_finds_live_pages_only(client, index_for):
    CoursePageFactory(parent=index_for("course"), title="Legemiddelhåndtering i sykehjem")
    CoursePageFactory(parent=index_for("course"), title="Legemiddel utkast", live=False)
    titles = result_titles(client.get("/sok/", {"q": "legemiddelhåndtering"}))
    assert "Legemiddelhåndtering i sykehjem" in titles
    assert "Legemiddel utkast" not in titles


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "*", "a:b", "AND OR NOT", "\\", "\x00", "🙂", "'; DROP TABLE x; --"]
)
def test_any_query_is_treated_as_text(client, home_page, query):
    assert client.get("/sok/", {"q": query, "page": "x"}).status_code == 200


@pytest.mark.parametrize(
    "query", ['"legemiddel', 'legemiddel"', "legemiddel\x00", '"dosett" legemiddel']
)
def test_quotes_and_control_characters_still_find_matches(client, index_for, query):
    CoursePageFactory(parent=index_for("course"), title="Legemiddel og dosett")
    assert "Legemiddel og dosett" in result_titles(client.get("/sok/", {"q": query}))


def test_clean_query_keeps_words_and_drops_syntax_characters():
    from search.terms import MAX_QUERY_LENGTH, clean_query

    assert clean_query('  "pårørende"\x00  KOLS\t') == "pårørende KOLS"
    assert clean_query("x" * 500) == "x" * MAX_QUERY_LENGTH
    assert clean_query(None) == ""
