"""The facts each process holds for filters, facets and ranking (search/facts.py) follow every
change to the content at the next search, through the ContentVersion token
(search/freshness.py), and are not reloaded while nothing changes."""

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from search import facts, freshness
from search.query import SearchParams, search
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db

WORD = "hygienerutiner"


def _found(**filters):
    """The ids found; the count (from the facts) must agree with the results."""
    outcome = search(SearchParams(query=WORD, **filters))
    assert outcome.count == len(outcome.results)
    return {page.pk for page in outcome.results}


@pytest.fixture
def course(regions, topics, index_for):
    page = CoursePageFactory(
        parent=index_for("course", regions["innlandet"]),
        title=f"Kurs i {WORD}",
        topics=[topics["demens"]],
    )
    page.save_revision().publish()
    return page


def _loads(queries):
    """How many of ``queries`` loaded facts (the topic links of every visible item)."""
    return sum('FROM "resources_resourcepage_topics"' in q["sql"] for q in queries)


def test_facts_are_loaded_once_while_nothing_changes(course):
    assert _found() == {course.pk}
    with CaptureQueriesContext(connection) as queries:
        assert _found() == {course.pk}
        assert _found(topic="demens") == {course.pk}
    assert _loads(queries.captured_queries) == 0

    # A draft revision changes nothing a search shows: the token stays.
    before = freshness.token()
    course.title = "Utkast"
    course.save_revision()
    assert freshness.token() == before
    assert _found() == {course.pk}


def test_every_change_shows_at_the_next_search(course, topics, regions, index_for):
    assert _found() == {course.pk}

    course.unpublish()
    assert _found() == set()
    course.save_revision().publish()
    assert _found() == {course.pk}

    restriction = PageViewRestriction.objects.create(
        page=course.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    assert _found() == set()  # a private section hides its items
    restriction.delete()
    assert _found() == {course.pk}

    topic = topics["demens"]
    topic.slug = "demenssykdom"
    topic.save()
    assert _found(topic="demenssykdom") == {course.pk}
    assert _found(topic="demens") == set()

    assert search(SearchParams(query=WORD)).facets["region"] == {"innlandet": 1}
    course.move(index_for("course", regions["ostfold"]), pos="last-child")
    assert search(SearchParams(query=WORD)).facets["region"] == {"ostfold": 1}

    course.delete()
    assert _found() == set()


def test_facts_hold_visible_items_and_a_rolled_back_change_keeps_the_token(course, index_for):
    draft = CoursePageFactory(parent=index_for("course"), title=f"{WORD} utkast", live=False)
    held = facts.current()
    assert course.pk in held and draft.pk not in held
    assert held[course.pk].regions == frozenset({"innlandet"})
    assert held[course.pk].topics == frozenset({"demens"})

    before = freshness.token()
    with pytest.raises(RuntimeError), transaction.atomic():
        course.unpublish()
        assert freshness.token() != before
        raise RuntimeError("roll back")
    assert freshness.token() == before
    # (Not a search: an engine's index is not rolled back with the database.)
    assert course.pk in facts.current()
