"""The full-text match once per search (search/matching.py) and the ranking built on it: items
matching every query word above items matching some."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from search.matching import match
from search.query import SearchParams, search
from search.terms import build_query
from tests.factories import CoursePageFactory, FilmPageFactory

pytestmark = pytest.mark.django_db

INDEX_TABLE = "wagtailsearch_indexentry"


def _database_backend():
    from wagtail.search.backends import get_search_backend

    return "database" in type(get_search_backend()).__module__


@pytest.fixture
def content(regions, index_for):
    return {
        "both": CoursePageFactory(
            parent=index_for("course"),
            title="Sepsis hos eldre",
            summary="Tidlig oppdagelse av sepsis.",
        ),
        "sepsis": FilmPageFactory(
            parent=index_for("film", regions["innlandet"]),
            title="Sepsis i sykehjem",
            summary="Observasjon og varsling.",
        ),
        "eldre": CoursePageFactory(
            parent=index_for("course"),
            title="Eldre og ernæring",
            summary="Mat og drikke i sykehjem.",
        ),
    }


def test_match_gives_visible_pages_with_better_matches_scored_higher(content, index_for):
    mentioned = CoursePageFactory(
        parent=index_for("course"), title="Observasjon", summary="Om sepsis i en bisetning."
    )
    CoursePageFactory(parent=index_for("course"), title="Sepsis, utkast", live=False)
    expired = CoursePageFactory(parent=index_for("course"), title="Sepsis, utløpt")
    expired.expired = True
    expired.save()
    private = CoursePageFactory(parent=index_for("course"), title="Sepsis, intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    scores = match(build_query(["sepsis"]))

    assert set(scores) == {content["both"].pk, content["sepsis"].pk, mentioned.pk}
    assert scores[content["both"].pk] > scores[mentioned.pk] > 0


def test_a_search_asks_the_full_text_index_once(content):
    if not _database_backend():
        pytest.skip("an engine answers over HTTP; this counts the database's statements")
    # Page 2: the other pages (search/pages.py) are searched on page 1 only.
    params = SearchParams(query="sepsis", page=2, page_size=1)
    with CaptureQueriesContext(connection) as queries:
        outcome = search(params)
    asked = [q["sql"] for q in queries.captured_queries if INDEX_TABLE in q["sql"]]
    assert outcome.count == 2 and len(outcome.results) == 1
    assert len(asked) == 1, asked


def test_items_matching_every_word_come_before_items_matching_some(content):
    outcome = search(SearchParams(query="sepsis eldre"))

    ids = [page.pk for page in outcome.results]
    assert ids[0] == content["both"].pk
    assert set(ids) == {content["both"].pk, content["sepsis"].pk, content["eldre"].pk}
    assert outcome.count == 3 and outcome.fallback is None


def test_every_word_first_even_against_the_visitors_area(content):
    outcome = search(SearchParams(query="sepsis eldre"), area="innlandet")

    # The area favours the Innlandet film (sepsis only), yet the item with both words leads.
    ids = [page.pk for page in outcome.results]
    assert ids[0] == content["both"].pk
    assert set(ids) == {content["both"].pk, content["sepsis"].pk, content["eldre"].pk}


def test_when_no_item_has_every_word_some_words_are_enough(content):
    outcome = search(SearchParams(query="ernæring sepsis"))

    assert outcome.fallback == "any_term"
    assert {page.pk for page in outcome.results} == {
        content["both"].pk,
        content["sepsis"].pk,
        content["eldre"].pk,
    }


def test_postgresql_has_the_index_the_match_uses():
    if connection.vendor != "postgresql":
        pytest.skip("the title || body index is PostgreSQL's (search/migrations/0004)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_title_body_gin'",
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "title || body" in definition


def test_among_very_many_matches_postgresql_ranks_by_title_only(content, monkeypatch):
    if connection.vendor != "postgresql" or not _database_backend():
        pytest.skip("the title-only rank past FULL_RANK_LIMIT is PostgreSQL's")
    from search.backends import database

    mentioned = CoursePageFactory(
        parent=content["both"].get_parent(), title="Observasjon", summary="Om sepsis her."
    )
    query = build_query(["sepsis"])
    full = match(query)
    assert full[mentioned.pk] > 0  # few matches: the body counts

    monkeypatch.setattr(database, "FULL_RANK_LIMIT", 2)  # three matches are "very many"
    cache.clear()  # the match above is kept until the content changes (search/kept.py)
    by_title = match(query)
    assert set(by_title) == set(full)
    assert by_title[mentioned.pk] == 0  # only its body has the word
    assert by_title[content["both"].pk] > 0


def test_postgresql_keeps_the_index_rows_narrow():
    if connection.vendor != "postgresql":
        pytest.skip("row storage settings are PostgreSQL's (search/migrations/0006)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [INDEX_TABLE])
        (options,) = cursor.fetchone()
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = %s::regclass "
            "AND attname = 'title'",
            [INDEX_TABLE],
        )
        (storage,) = cursor.fetchone()
    assert "toast_tuple_target=128" in options
    assert storage == "m"  # the title inline, where a match ranks it
