"""A query asked again is not matched again until the content changes (search/kept.py), the
cache never holds what visitors typed, and the other pages' types are matched in one
statement (search/matching.py: pages_scores)."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.search.backends import get_search_backend

import pytest

from home.models import RegionPage, StandardPage
from search.kept import scores_key
from search.matching import match, pages_scores
from search.terms import build_query
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db

WORD = "hygienerutiner"


def _matches(queries):
    """How many of ``queries`` read the search index (a full-text match)."""
    return sum("wagtailsearch_indexentry" in q["sql"].lower() for q in queries)


def _course(parent, title):
    page = CoursePageFactory(parent=parent, title=title)
    page.save_revision().publish()
    return page


def test_a_query_asked_again_is_not_matched_again_until_the_content_changes(index_for):
    first = _course(index_for("course"), f"Kurs i {WORD}")
    query = build_query([WORD])
    assert set(match(query)) == {first.pk}

    with CaptureQueriesContext(connection) as queries:
        assert set(match(query)) == {first.pk}
    assert _matches(queries.captured_queries) == 0

    second = _course(index_for("course"), f"Mer om {WORD}")
    with CaptureQueriesContext(connection) as queries:
        assert set(match(query)) == {first.pk, second.pk}
    assert _matches(queries.captured_queries) == 1

    second.unpublish()
    assert set(match(query)) == {first.pk}
    # Another query is matched on its own.
    assert set(match(build_query(["ukjentord"]))) == set()


def test_the_cache_key_holds_no_query_words():
    query = build_query(["12345678901", "ola.nordmann@example.no"])
    key = scores_key("resources", object(), query)
    assert "12345678901" not in key and "nordmann" not in key
    assert key == scores_key(
        "resources", object(), build_query(["12345678901", "ola.nordmann@example.no"])
    )
    assert key != scores_key("resources", object(), build_query(["12345678902"]))
    with override_settings(SECRET_KEY="another-" * 8):
        assert scores_key("resources", object(), query) != key


def test_standard_and_region_pages_are_matched_in_one_statement(home_page, regions):
    about = StandardPage(title=f"Om {WORD}", slug="om-rutiner")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    region_page = RegionPage.objects.get(region=regions["innlandet"])
    region_page.title = f"Innlandet {WORD}"
    region_page.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        scores = pages_scores(get_search_backend(), build_query([WORD]), [StandardPage, RegionPage])
    assert set(scores) == {about.pk, region_page.pk}
    assert _matches(queries.captured_queries) == 1
