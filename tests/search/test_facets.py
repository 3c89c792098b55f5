"""A search's filters and facets are counted in Python over its matches (search/facets.py);
browsing without words counts them in the database. Over the same items both must agree, for
every filter, as the listings' rules say (owned by a region or shared into it)."""

import pytest

from resources.models.queryset import region_values
from search.facts import Item
from search.query import SearchParams, search
from tests.factories import CoursePageFactory, FilmPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

WORD = "samhandling"  # in every item's title: a search for it matches all of them

# Browsing needs a filter (without words or filters a search shows nothing).
FILTERS = [
    {"type": "course"},
    {"type": "film"},
    {"region": "innlandet"},
    {"region": "ostfold"},
    {"region": "nasjonalt"},
    {"topic": "demens"},
    {"audience": "sykepleiere"},
    {"type": "course", "region": "innlandet"},
    {"type": "news", "topic": "legemidler", "region": "vestfold"},
    {"region": "innlandet", "audience": "sykepleiere", "topic": "demens"},
]


@pytest.fixture
def items(regions, topics, audiences, index_for):
    demens, legemidler = topics["demens"], topics["legemidler"]
    nurses = audiences["sykepleiere"]
    innlandet, ostfold, vestfold = regions["innlandet"], regions["ostfold"], regions["vestfold"]
    made = [
        CoursePageFactory(parent=index_for("course"), topics=[demens], audiences=[nurses]),
        CoursePageFactory(parent=index_for("course"), areas=[innlandet], topics=[legemidler]),
        CoursePageFactory(parent=index_for("course", innlandet), topics=[demens, legemidler]),
        CoursePageFactory(
            parent=index_for("course", ostfold), areas=[innlandet], audiences=[nurses]
        ),
        FilmPageFactory(parent=index_for("film"), topics=[demens]),
        FilmPageFactory(parent=index_for("film", vestfold), areas=[ostfold, innlandet]),
        NewsPageFactory(parent=index_for("news", vestfold), topics=[legemidler]),
        NewsPageFactory(parent=index_for("news"), areas=[vestfold], topics=[legemidler]),
    ]
    for number, page in enumerate(made):
        page.title = f"{WORD.capitalize()} {number}"
        page.save_revision().publish()
    return made


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f.values()))
def test_a_search_counts_and_filters_as_browsing_does(items, filters):
    searched = search(SearchParams(query=WORD, page_size=50, **filters))
    browsed = search(SearchParams(page_size=50, **filters))

    assert searched.count == browsed.count
    assert {p.pk for p in searched.results} == {p.pk for p in browsed.results}
    assert searched.facets == browsed.facets
    assert list(searched.facets["type"].items()) == list(browsed.facets["type"].items())


def test_the_facets_count_what_choosing_the_value_gives(items):
    outcome = search(SearchParams(query=WORD))
    for name, values in outcome.facets.items():
        for value, count in values.items():
            chosen = search(SearchParams(query=WORD, **{name: value}))
            assert chosen.count == count, (name, value)


@pytest.mark.parametrize(
    ("owner", "areas", "value", "kept"),
    [
        (None, set(), "nasjonalt", True),
        (None, {"innlandet"}, "nasjonalt", True),
        (None, {"innlandet"}, "innlandet", True),
        ("ostfold", set(), "nasjonalt", False),
        ("ostfold", set(), "ostfold", True),
        ("ostfold", {"innlandet"}, "innlandet", True),
        ("ostfold", {"innlandet"}, "vestfold", False),
    ],
)
def test_the_region_rule_for_loaded_items(owner, areas, value, kept):
    assert (value in region_values(owner, frozenset(areas))) is kept
    assert (
        Item(pk=1, type="course", date=None, regions=region_values(owner, areas)).keeps(
            {"region": value}
        )
        is kept
    )
