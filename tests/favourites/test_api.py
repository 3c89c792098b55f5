"""/api/favoritter/: which of the ids a browser kept are still live, public resources, in the
order asked; bad input is a 400 with a message, never a 500."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from favourites.lookup import MAX_FAVOURITES, InvalidFavourites, parse_ids
from tests.factories import ArticlePageFactory, CoursePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

API = "/api/favoritter/"


def get(client, ids, prefix=""):
    query = "&".join(f"id={pk}" for pk in ids)
    return client.get(f"{prefix}{API}?{query}")


def ids_of(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def article(index_for):
    return ArticlePageFactory(
        parent=index_for("article"), title="Svelgevansker", summary="Når tablettene setter seg."
    )


@pytest.fixture
def course(index_for):
    return CoursePageFactory(parent=index_for("course"), title="Legemiddelhåndtering")


def test_describes_each_page_as_the_list_shows_it(client, article):
    response = get(client, [article.pk])
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "results": [
            {
                "id": article.pk,
                "title": "Svelgevansker",
                "url": article.url,
                "type": "article",
                "type_label": "Fagartikkel",
                "summary": "Når tablettene setter seg.",
                "date": "2025-03-01",
                "date_label": "1. mars 2025",
            }
        ]
    }


def test_pages_come_back_in_the_order_asked_newest_favourite_first(client, article, course):
    assert ids_of(get(client, [course.pk, article.pk])) == [course.pk, article.pk]
    assert ids_of(get(client, [article.pk, course.pk])) == [article.pk, course.pk]
    assert ids_of(get(client, [article.pk, course.pk, article.pk])) == [article.pk, course.pk]


def test_drafts_private_unknown_and_non_resource_pages_are_simply_left_out(
    client, home_page, index_for, article, course
):
    draft = ArticlePageFactory(parent=index_for("article"), live=False)
    private = ArticlePageFactory(parent=index_for("article"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    # Everything under a restricted page is private too.
    members = CoursePageFactory(parent=index_for("course"))
    PageViewRestriction.objects.create(
        page=members.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    standard = StandardPageFactory(parent=home_page)
    unpublished = ArticlePageFactory(parent=index_for("article"))
    unpublished.unpublish()

    asked = [draft.pk, article.pk, private.pk, 999999, members.pk, standard.pk, unpublished.pk]
    assert ids_of(get(client, asked)) == [article.pk]
    assert ids_of(get(client, [course.pk])) == []  # its index page is restricted now


def test_no_ids_is_an_empty_list(client):
    assert ids_of(client.get(API)) == []


@pytest.mark.parametrize(
    "query",
    ["id=abc", "id=1&id=x", "id=-3", "id=0", "id=1.5", "id=", "id=%00", "id=99999999999999999999"],
)
def test_bad_ids_are_a_400_with_a_norwegian_message(client, query):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400
    assert response.json() == {"error": "Ugyldig side-ID. Bruk bare positive hele tall."}


def test_more_than_the_cap_is_a_400_with_a_norwegian_message(client, article):
    assert ids_of(get(client, [article.pk] * MAX_FAVOURITES)) == [article.pk]
    response = get(client, range(1, MAX_FAVOURITES + 2))
    assert response.status_code == 400
    assert response.json() == {"error": "For mange favoritter: høyst 100 om gangen."}


def test_only_get_is_allowed(client):
    assert client.post(API, {"id": "1"}).status_code == 405


def test_english_gives_english_labels_and_dates(client, article):
    [item] = get(client, [article.pk], prefix="/en").json()["results"]
    assert (item["type_label"], item["date_label"]) == ("Article", "1 March 2025")
    assert get(client, ["x"], prefix="/en").json() == {
        "error": "Invalid page ID. Use only positive whole numbers."
    }


def test_queries_do_not_grow_with_the_number_of_ids(client, index_for):
    articles = [ArticlePageFactory(parent=index_for("article")) for _ in range(5)]
    courses = [CoursePageFactory(parent=index_for("course")) for _ in range(5)]
    get(client, [articles[0].pk])  # warm the site root paths every request reads

    def queries(pages):
        with CaptureQueriesContext(connection) as captured:
            assert len(ids_of(get(client, [page.pk for page in pages]))) == len(pages)
        return len(captured)

    assert queries([articles[0], courses[0]]) == queries(articles + courses)


@given(st.lists(st.text(max_size=12), max_size=MAX_FAVOURITES + 5))
def test_any_input_is_ids_or_a_refusal_never_a_crash(values):
    try:
        ids = parse_ids(values)
    except InvalidFavourites as error:
        assert str(error)
    else:
        assert all(0 < pk < 2**31 for pk in ids)
        assert len(ids) == len(set(ids)) <= MAX_FAVOURITES
