"""The markup kept in the cache (the front and region pages' sections, resource cards) never
hides a change: a published item, or a renamed topic, shows on the next request. And a
request reads each cached lookup from the cache once (with Redis each read is a round trip)."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

import pytest
from bs4 import BeautifulSoup

from regions import cached
from tests.factories import CoursePageFactory, NewsPageFactory


def card_titles(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [title.get_text(strip=True) for title in page.select(".card__title")]


def test_a_published_item_shows_at_once_on_the_cached_front_and_region_pages(
    client, regions, index_for, django_capture_on_commit_callbacks
):
    NewsPageFactory(parent=index_for("news"), title="Første nyhet")
    for path in ("/", "/ahus/"):
        assert "Første nyhet" in card_titles(client.get(path))  # now cached
        assert "Første nyhet" in card_titles(client.get(path))  # from the cache
    draft = NewsPageFactory(
        parent=index_for("news", regions["ahus"]), title="Ny fra Ahus", live=False
    )
    assert "Ny fra Ahus" not in card_titles(client.get("/ahus/"))
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    for path in ("/", "/ahus/"):
        assert "Ny fra Ahus" in card_titles(client.get(path)), path


def test_cached_cards_follow_a_renamed_topic_and_an_unpublished_item(
    client, regions, index_for, topics, django_capture_on_commit_callbacks
):
    topic = next(iter(topics.values()))
    course_list = index_for("course")
    course = CoursePageFactory(parent=course_list, title="Kurs om demens", topics=[topic])
    other = CoursePageFactory(parent=course_list, title="Kurs om KOLS")
    url = course_list.url
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert topic.name in [tag.get_text(strip=True) for tag in page.select(".tag")]
    with django_capture_on_commit_callbacks(execute=True):
        topic.name = "Nytt navn på temaet"
        topic.save()
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert "Nytt navn på temaet" in [tag.get_text(strip=True) for tag in page.select(".tag")]
    with django_capture_on_commit_callbacks(execute=True):
        other.unpublish()
    titles = card_titles(client.get(url))
    assert course.title in titles and other.title not in titles


@pytest.fixture
def cache_reads(monkeypatch):
    """The keys read from the cache, one entry per read (get or get_many; the local-memory
    cache's get_many calls get for each key, which is not another read)."""
    reads = []
    real_get, real_get_many = cached.cache.get, cached.cache.get_many
    in_get_many = []

    def get(key, *args, **kwargs):
        if not in_get_many:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        reads.extend(keys)
        in_get_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            in_get_many.pop()

    monkeypatch.setattr(cached.cache, "get", get)
    monkeypatch.setattr(cached.cache, "get_many", get_many)
    return reads


def test_a_request_reads_each_cached_lookup_once(client, regions, index_for, cache_reads):
    CoursePageFactory(parent=index_for("course"))
    url = index_for("course").url
    client.get(url)  # fills the cache
    cache_reads.clear()
    assert client.get(url).status_code == 200
    looked_up = [key for key in cache_reads if key.startswith("kb:")]
    assert cached.FRAGMENT_VERSION_KEY in looked_up
    assert "kb:locales" in looked_up
    twice = sorted({key for key in looked_up if looked_up.count(key) > 1})
    assert not twice, twice


class RecordingPurge(BaseBackend):
    """A front-door cache that notes the cached markup's version when it is told to purge."""

    purged = []

    def purge(self, url):
        self.purged.append((url, cached.fragment_version()))


def test_the_front_door_is_purged_only_once_the_cached_markup_has_expired(
    settings, regions, index_for, django_capture_on_commit_callbacks
):
    # Purged first, a request in between would put the old markup back in the front door's
    # cache for its whole lifetime.
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.home.test_cached_markup.RecordingPurge"}
    }
    RecordingPurge.purged.clear()
    item = NewsPageFactory(parent=index_for("news"), title="Purget nyhet", live=False)
    before = cached.fragment_version()
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    assert RecordingPurge.purged
    assert all(version > before for _url, version in RecordingPurge.purged)
