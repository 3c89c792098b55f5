"""Many saves indexed once at the end (search/indexing.py), as the corpus import does."""

import pytest

from search.indexing import indexed_once
from search.matching import match
from search.terms import build_query
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def found(word):
    return set(match(build_query([word])))


def test_saves_inside_are_indexed_once_when_the_block_ends(home_page, index_for):
    parent = index_for("course")
    with indexed_once():
        page = CoursePageFactory(parent=parent, title="Hjertesvikt i hjemmet")
        page.title = "Hjertesvikt og ernæring"
        page.save_revision().publish()
        assert found("hjertesvikt") == set()
    assert found("hjertesvikt") == {page.pk}
    assert found("ernaering") == {page.pk}


def test_a_failed_block_indexes_nothing_and_saves_index_again_afterwards(home_page, index_for):
    parent = index_for("course")
    with pytest.raises(RuntimeError), indexed_once():
        page = CoursePageFactory(parent=parent, title="Sepsis i sykehjem")
        raise RuntimeError("the import failed")
    assert found("sepsis") == set()
    page.save_revision().publish()
    assert found("sepsis") == {page.pk}
