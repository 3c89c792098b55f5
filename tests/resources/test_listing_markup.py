"""A list page keeps its cards' and filter form's markup until content changes
(resources/cards.py, resources/listing.py): seen again, it reads only the ids of its items, and
never shows a card or a choice that changed since, nor another visitor's typed values."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(page):
    return [title.get_text(strip=True) for title in page.select(".card__title")]


@pytest.fixture
def courses(index_for, topics):
    course_list = index_for("course")
    return [
        CoursePageFactory(parent=course_list, title=f"Kurs {n}", topics=[topics["demens"]])
        for n in range(1, 4)
    ]


def test_a_list_seen_before_loads_none_of_its_cards_pages(
    client, courses, index_for, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = index_for("course").url
    first = card_titles(soup(client.get(url)))
    assert sorted(first) == ["Kurs 1", "Kurs 2", "Kurs 3"]
    # The pages along the path, the list's count and its page of ids: no card's page.
    with django_assert_num_queries(3):
        assert card_titles(soup(client.get(url))) == first
    with django_capture_on_commit_callbacks(execute=True):
        courses[0].title = "Kurs 1, ny utgave"
        courses[0].save_revision().publish()
    assert "Kurs 1, ny utgave" in card_titles(soup(client.get(url)))


def options(page, name):
    select = page.select_one(f"select[name={name}]")
    return {
        option["value"]: (option.get_text(strip=True), option.has_attr("selected"))
        for option in select.select("option")
    }


def test_the_filter_form_is_kept_per_choice_and_never_with_a_typed_value(
    client, courses, topics, index_for, django_capture_on_commit_callbacks
):
    url = index_for("course").url
    for _ in range(2):  # made, then from the cache
        chosen = soup(client.get(url, {"topic": "demens"}))
        assert options(chosen, "topic")["demens"] == ("Demens", True)
        assert len(card_titles(chosen)) == 3
        plain = soup(client.get(url))
        assert options(plain, "topic")["demens"] == ("Demens", False)
    keys = {client.get(url, {"topic": topic}).context["filters_key"] for topic in ("", "demens")}
    assert None not in keys and len(keys) == 2
    for typed in ("tull", "<b>tøys</b>"):
        response = client.get(url, {"topic": typed})
        assert response.context["filters_key"] is None  # not kept: typed values are endless
        page = soup(response)
        assert page.select_one(".field--error .field__error"), typed
        assert not any(selected for _, selected in options(page, "topic").values())
    assert not soup(client.get(url)).select(".field--error")
    with django_capture_on_commit_callbacks(execute=True):
        topics["demens"].name = "Demens og kognitiv svikt"
        topics["demens"].save()
    renamed = soup(client.get(url, {"topic": "demens"}))
    assert options(renamed, "topic")["demens"] == ("Demens og kognitiv svikt", True)
