"""A served page is kept in the cache with its related rows (home/routing.py), and the
addresses of a page's translations too (home/languages.py): viewing a page again takes one
query, and no change is hidden. A new version, an unpublished or moved page show on the next
request even before the change is committed (the key holds the page's own row); a renamed
topic, a changed image and a published translation once it is."""

from wagtail.models import Collection, Locale

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def course(index_for, topics):
    return CoursePageFactory(
        parent=index_for("course"), title="Kurs om delirium", topics=[topics["demens"]]
    )


def test_a_page_seen_before_takes_one_query(client, course, django_assert_num_queries):
    client.get(course.url)
    with django_assert_num_queries(1):  # the pages along the path; the rest is kept
        assert soup(client.get(course.url)).h1.get_text(strip=True) == "Kurs om delirium"


def test_a_new_version_an_unpublished_and_a_moved_page_show_at_once(client, course, index_for):
    # No on-commit callbacks run here: the content version stays, only the row changed.
    client.get(course.url)
    course.title = "Kurs om delirium, andre utgave"
    course.save_revision().publish()
    assert soup(client.get(course.url)).h1.get_text(strip=True) == course.title
    old_url = course.url
    course.move(index_for("article"), pos="last-child")
    course.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's redirect from the old address, not the kept page
    assert (moved.status_code, moved["Location"]) == (301, course.url)
    assert soup(client.get(course.url)).h1.get_text(strip=True) == course.title
    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_a_renamed_topic_and_a_changed_image_show_on_the_next_request(
    client, course, topics, django_capture_on_commit_callbacks
):
    image = wagtail_factories.ImageFactory(
        title="Sykepleier ved senga", collection=Collection.get_first_root_node()
    )
    with django_capture_on_commit_callbacks(execute=True):
        course.image = image
        course.save_revision().publish()
    page = soup(client.get(course.url))
    assert page.select_one(".resource__image img")["alt"] == "Sykepleier ved senga"
    assert "Demens" in [tag.get_text(strip=True) for tag in page.select(".resource__footer .tag")]
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Sykepleier og pasient"
        image.save()
    page = soup(client.get(course.url))
    assert page.select_one(".resource__image img")["alt"] == "Sykepleier og pasient"
    with django_capture_on_commit_callbacks(execute=True):
        topic = topics["demens"]
        topic.name = "Demens og kognitiv svikt"
        topic.save()
    tags = [tag.get_text(strip=True) for tag in soup(client.get(course.url)).select(".tag")]
    assert "Demens og kognitiv svikt" in tags and "Demens" not in tags


def switcher(page):
    return {link["lang"]: link["href"] for link in page.select(".language-switcher a")}


def test_a_published_translation_joins_the_language_switcher(
    client, home_page, course, django_capture_on_commit_callbacks
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_page.copy_for_translation(english).save_revision().publish()
    assert switcher(soup(client.get(course.url)))["en"] == "/en/"  # kept: no translation yet
    with django_capture_on_commit_callbacks(execute=True):
        translated = course.copy_for_translation(english, copy_parents=True)
        translated.save_revision().publish()
    assert switcher(soup(client.get(course.url)))["en"] == translated.url
    translated.refresh_from_db()  # publishing went through a revision's copy
    with django_capture_on_commit_callbacks(execute=True):
        translated.unpublish()
    assert switcher(soup(client.get(course.url)))["en"] == "/en/"
