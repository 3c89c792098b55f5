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
    return sum("resources_resourcepage_topics" in q["sql"] for q in queries)


def test_facts_are_loaded_once_while_nothing_changes(course):
    assert _found() == {course.pk}
    with CaptureQueriesContext(connection) as queries:
        assert _found() == {course.pk}
        assert _found(topic="demens") == {course.pk}
    assert _loads(queries.captured_queries) == 0


def test_a_draft_save_changes_nothing_search_shows(course):
    before = freshness.token()
    course.title = "Utkast"
    course.save_revision()
    assert freshness.token() == before
    assert _found() == {course.pk}


def test_unpublishing_and_publishing_show_at_the_next_search(course):
    _found()
    course.unpublish()
    assert _found() == set()
    course.save_revision().publish()
    assert _found() == {course.pk}


def test_a_private_section_hides_its_items(course):
    _found()
    restriction = PageViewRestriction.objects.create(
        page=course.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    assert _found() == set()
    restriction.delete()
    assert _found() == {course.pk}


def test_topic_and_region_changes_show_in_filters_and_facets(course, topics, regions, index_for):
    assert search(SearchParams(query=WORD)).facets["region"] == {"innlandet": 1}
    topic = topics["demens"]
    topic.slug = "demenssykdom"
    topic.save()
    assert _found(topic="demenssykdom") == {course.pk}
    assert _found(topic="demens") == set()

    course.move(index_for("course", regions["ostfold"]), pos="last-child")
    assert search(SearchParams(query=WORD)).facets["region"] == {"ostfold": 1}


def test_deleting_a_page_removes_it(course):
    _found()
    course.delete()
    assert _found() == set()


def test_a_rolled_back_change_leaves_the_token_as_it_was(course):
    before = freshness.token()
    with pytest.raises(RuntimeError), transaction.atomic():
        course.unpublish()
        assert freshness.token() != before
        raise RuntimeError("roll back")
    assert freshness.token() == before
    # (Not a search: an engine's index is not rolled back with the database.)
    assert course.pk in facts.current()


def test_facts_hold_only_visible_items(course, index_for):
    draft = CoursePageFactory(parent=index_for("course"), title=f"{WORD} utkast", live=False)
    held = facts.current()
    assert course.pk in held and draft.pk not in held
    assert held[course.pk].regions == frozenset({"innlandet"})
    assert held[course.pk].topics == frozenset({"demens"})
