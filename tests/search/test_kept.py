"""A query asked again is not matched again until the content changes (search/kept.py), the
cache never holds what visitors typed, and the other pages' types are matched in one
statement (search/matching.py: pages_scores)."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.search.backends import get_search_backend

import pytest
from django_tasks import task_backends
from django_tasks.signals import task_finished

from home.models import RegionPage, StandardPage
from search import matching
from search.kept import scores_key
from search.matching import match, pages_scores
from search.terms import build_query
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db

WORD = "hygienerutiner"


@pytest.fixture
def matched(monkeypatch):
    """The calls to the backend's match (each a statement, or a request to an engine), counted
    on the way through; the match itself runs as always."""
    calls = []
    real = matching.match_scores

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(matching, "match_scores", counted)
    return calls


def _statements(queries):
    """How many of ``queries`` read the database backend's index (a full-text match)."""
    return sum("wagtailsearch_indexentry" in q["sql"].lower() for q in queries)


def _course(parent, title):
    page = CoursePageFactory(parent=parent, title=title)
    page.save_revision().publish()
    return page


def test_a_query_asked_again_is_not_matched_again_until_the_content_changes(index_for, matched):
    # An engine's matches are not kept (its index is not written with the token): each search
    # asks it.
    again = 0 if getattr(get_search_backend(), "index_in_database", False) else 1
    first = _course(index_for("course"), f"Kurs i {WORD}")
    query = build_query([WORD])
    assert set(match(query)) == {first.pk}
    assert len(matched) == 1

    assert set(match(query)) == {first.pk}
    assert len(matched) == 1 + again

    second = _course(index_for("course"), f"Mer om {WORD}")
    assert set(match(query)) == {first.pk, second.pk}
    assert len(matched) == 2 + again

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
    backend = get_search_backend()
    if not hasattr(backend.search("x", StandardPage.objects.all()).query_compiler, "match_scores"):
        pytest.skip("an engine is asked per page type; one statement is the database backends'")
    about = StandardPage(title=f"Om {WORD}", slug="om-rutiner")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    region_page = RegionPage.objects.get(region=regions["innlandet"])
    region_page.title = f"Innlandet {WORD}"
    region_page.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        scores = pages_scores(backend, build_query([WORD]), [StandardPage, RegionPage])
    assert set(scores) == {about.pk, region_page.pk}
    assert _statements(queries.captured_queries) == 1


def test_an_index_written_later_by_a_worker_changes_the_token(settings, index_for):
    if not getattr(get_search_backend(), "index_in_database", False):
        pytest.skip("only the database backends' matches are kept")
    # A task backend that runs nothing at the save: the index task waits for a worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page = _course(index_for("course"), f"Kurs i {WORD}")
    query = build_query([WORD])
    assert set(match(query)) == set()  # not indexed yet, and that match is kept

    # The worker: runs the queued tasks and reports each, as django_tasks' workers do.
    tasks = task_backends["default"]
    for result in tasks.results:
        result.task.call(*result.args, **result.kwargs)
        task_finished.send(type(tasks), task_result=result)
    assert set(match(query)) == {page.pk}
