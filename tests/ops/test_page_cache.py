"""The page cache at the front door: Django's Cache-Control rules (pagecache/headers.py), the
addresses a change purges (pagecache/showing.py), and, through the repo's own nginx config in
front of Django's live server, that anonymous visitors get cached pages, see a publish on the
next request, and never get another area's, language's or an editor's page."""

import datetime
import itertools
from pathlib import Path

from django.core.files import File
from django.urls import reverse
from django.utils import timezone

from wagtail.actions.move_page import MovePageAction
from wagtail.models import Locale, Site
from wagtailmedia.models import Media

import pytest

from builder.demo.content import translate_page
from builder.tree import ensure_home_page, ensure_index_page, ensure_region_page
from pagecache.showing import urls_before_move, urls_showing
from tests.editorial.admin_actions import page_form
from tests.factories import (
    CoursePageFactory,
    EventPageFactory,
    NewsPageFactory,
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    RegionFactory,
    StandardPageFactory,
    ThemePageFactory,
    TopicFactory,
)
from tests.ops.frontdoor import ACCEL_URL, running_front_door

DEMO_MEDIA = Path(__file__).resolve().parents[2] / "builder" / "demo" / "media"
_hosts = itertools.count(1)


def build_site(host="localhost"):
    """Front page, two regions, the course and theme lists, a course on dementia and its theme
    page, served at ``host``."""
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname=host)
    Site.clear_site_root_paths_cache()
    regions = {
        slug: RegionFactory(slug=slug, name=name)
        for slug, name in (("ahus", "Ahus"), ("innlandet", "Innlandet"))
    }
    for region in regions.values():
        ensure_region_page(region)
    demens = TopicFactory(slug="demens", name="Demens")
    course = CoursePageFactory(
        parent=ensure_index_page("course"), title="Kurs om demens", topics=[demens]
    )
    theme = ThemePageFactory(parent=ensure_index_page("theme"), topic=demens, title="Demens")
    return {"home": home, "regions": regions, "course": course, "theme": theme, "topic": demens}


@pytest.fixture
def purging(settings):
    """Page cache settings as behind the front door (a purge URL set by the live tests)."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_QUERY_SECONDS = 60
    return settings


# --- Django: who may keep what (no nginx) ------------------------------------------------------


@pytest.mark.django_db
def test_cache_control_shares_only_what_is_the_same_for_every_anonymous_visitor(
    client, purging, django_user_model
):
    site = build_site()
    event = EventPageFactory(
        parent=ensure_index_page("event"),
        title="Fagdag om demens",
        registration_open=True,
        capacity=30,
        registration_deadline=(timezone.now() + datetime.timedelta(days=10)).date(),
    )
    course_url = site["course"].url

    def cache_control(path, **extra):
        return client.get(path, **extra).get("Cache-Control", "")

    # Pages, with or without the area, once per area: purged on publish, kept ten minutes.
    assert cache_control(course_url) == "public, max-age=0, s-maxage=600"
    client.cookies["omrade"] = "ahus"
    assert cache_control("/") == "public, max-age=0, s-maxage=600"
    assert cache_control("/?o=ahus") == "public, max-age=0, s-maxage=600"
    # Query strings purging cannot list (filters, searches): a minute.
    assert cache_control("/e-kurs/?topic=demens") == "public, max-age=0, s-maxage=60"
    assert cache_control("/sok/?q=demens") == "public, max-age=0, s-maxage=60"
    # Another area than the cookie's sets the cookie; an unknown one is not the key's area.
    assert "s-maxage" not in cache_control("/?o=innlandet")
    client.cookies["omrade"] = "ahus"
    assert "s-maxage" not in cache_control("/?o=finnes-ikke")
    client.cookies["omrade"] = "finnes-ikke"
    assert "s-maxage" not in cache_control("/")
    del client.cookies["omrade"]
    # A page holding a CSRF token (the registration form) is the visitor's own.
    with_form = client.get(event.url)
    assert 'name="csrfmiddlewaretoken"' in with_form.text
    assert "private" in with_form["Cache-Control"] and "no-store" in with_form["Cache-Control"]
    # So is everything an editor sees; and a missing page is not kept at all.
    assert "Cache-Control" not in client.get("/finnes-ikke/")
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@x.no", "pw"))
    assert "private" in cache_control(course_url)


@pytest.mark.django_db
def test_the_addresses_showing_a_page_are_its_own_its_lists_regions_themes_and_referrers():
    site = build_site()
    course = site["course"]
    # Every theme page: a topic taken off the course is no longer known when it is published.
    other_theme = ThemePageFactory(
        parent=ensure_index_page("theme"), topic=TopicFactory(slug="legemidler")
    )
    unrelated = StandardPageFactory(parent=site["home"], title="Om oss")
    picks = StandardPageFactory(
        parent=site["home"],
        title="Utvalgte kurs",
        body=[("resource_list", {"title": "Kurs", "pages": [course]})],
    )
    picks.save_revision().publish()
    translate_page(course, Locale.objects.create(language_code="nn"), lambda text, code: text)

    urls = set(urls_showing(course))

    expected = {
        course.full_url,
        course.get_translation(Locale.objects.get(language_code="nn")).full_url,
        "http://localhost/",
        "http://localhost/e-kurs/",  # its list
        "http://localhost/ahus/",
        "http://localhost/innlandet/",
        "http://localhost/ahus/e-kurs/",  # the regions' own lists of its type
        site["theme"].full_url,
        other_theme.full_url,
        picks.full_url,  # it lists the course
    }
    assert expected <= urls
    assert unrelated.full_url not in urls
    assert not any("feed" in url for url in urls)  # not news
    news = NewsPageFactory(parent=ensure_index_page("news"))
    assert "http://localhost/feed/aktuelt/ahus/rss/" in urls_showing(news)

    series = PodcastSeriesPageFactory(parent=ensure_index_page("podcast_series"), slug="podden")
    episode = PodcastEpisodePageFactory(parent=series, slug="forste")
    assert series.full_url + "feed/" in urls_showing(episode)  # the series' feed route
    moved_from = urls_before_move(series, "/kompetansebroen/gammel/", series.url_path)
    assert {"http://localhost/gammel/", "http://localhost/gammel/forste/"} <= set(moved_from)


# --- Through the front door (nginx from deploy/ in front of the live server) --------------------


@pytest.fixture(scope="module")
def front_door(live_server, tmp_path_factory):
    from django.conf import settings

    directory = tmp_path_factory.mktemp("frontdoor")
    upstream = f"{live_server.thread.host}:{live_server.thread.port}"
    with running_front_door(directory, upstream, directory, settings.MEDIA_ROOT) as door:
        yield door


@pytest.fixture
def door(front_door, purging):
    purging.WAGTAILFRONTENDCACHE = {
        "frontdoor": {
            "BACKEND": "pagecache.backends.NginxPurgeBackend",
            "LOCATION": front_door.purge_url,
        }
    }
    purging.MEDIA_ACCEL_REDIRECT_URL = ACCEL_URL
    return front_door


@pytest.fixture
def host():
    """A host name of its own per test: nothing another test cached is found under it."""
    return f"site{next(_hosts)}.test"


def warm(door, host, path, cookies=None):
    """Ask twice: the second answer must come from the cache."""
    first = door.get(path, host, cookies)
    second = door.get(path, host, cookies)
    assert first.status == second.status == 200, (path, first.status, first.text[:300])
    assert second.cache == "HIT", (path, cookies, second.cache, second.headers)
    return second


def test_a_publish_in_the_admin_is_seen_by_the_next_anonymous_visitor(door, host, admin_client):
    site = build_site(host)
    course = site["course"]
    pages = [course.url, "/", "/e-kurs/", "/ahus/", site["theme"].url]
    for path in pages:
        for cookies in (None, {"omrade": "ahus"}):
            cached = warm(door, host, path, cookies)
            assert "Kurs om demens" in cached.text
    assert cached.headers["Cache-Control"] == "public, max-age=0, s-maxage=600"

    # "Publiser" in the real edit view, with a new title.
    data = page_form(course, "Publisert tittel")
    data.update({"topics": [site["topic"].pk], "action-publish": "action-publish"})
    admin_client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), data)
    course.refresh_from_db()
    assert course.title == "Publisert tittel" and course.live

    for path in pages:
        for cookies in (None, {"omrade": "ahus"}):
            answer = door.get(path, host, cookies)
            assert answer.cache == "MISS", (path, cookies)
            assert "Publisert tittel" in answer.text and "Kurs om demens" not in answer.text


def test_areas_and_languages_never_get_each_others_cached_page(door, host):
    site = build_site(host)
    translate_page(site["home"], Locale.objects.create(language_code="nn"), lambda t, c: t)
    ahus, innlandet = {"omrade": "ahus"}, {"omrade": "innlandet"}
    visitors = [  # (path, cookies, the area the page is for, its language)
        ("/", None, None, "nb"),
        ("/", ahus, "Ahus", "nb"),
        ("/", innlandet, "Innlandet", "nb"),
        ("/?o=innlandet", innlandet, "Innlandet", "nb"),
        ("/nn/", None, None, "nn"),
        ("/nn/", ahus, "Ahus", "nn"),
    ]
    for path, cookies, _area, _language in visitors:
        warm(door, host, path, cookies)
    for path, cookies, area, language in visitors:
        answer = door.get(path, host, cookies)
        assert answer.cache == "HIT"
        assert f'<html lang="{language}"' in answer.text, (path, cookies)
        for name in ("Ahus", "Innlandet"):  # "Ditt område: <strong>…</strong>"
            assert (f"<strong>{name}</strong>" in answer.text) == (name == area), (path, cookies)
    # ?o= naming another area than the cookie: that area's page, never the cookie's.
    answer = door.get("/?o=ahus", host, {"omrade": "innlandet"})
    assert "<strong>Ahus</strong>" in answer.text
    assert "<strong>Innlandet</strong>" not in answer.text


def test_an_editor_and_a_form_are_never_cached_but_a_csrf_cookie_is_no_obstacle(
    door, host, client, django_user_model
):
    site = build_site(host)
    event = EventPageFactory(
        parent=ensure_index_page("event"),
        registration_open=True,
        capacity=30,
        registration_deadline=(timezone.now() + datetime.timedelta(days=10)).date(),
    )
    warm(door, host, site["course"].url)
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@x.no", "pw"))
    editor = {"sessionid": client.cookies["sessionid"].value}

    for _ in range(2):
        answer = door.get(site["course"].url, host, editor)
        assert answer.cache == "BYPASS"
        assert "wagtail-userbar" in answer.text  # the editor's own page
        assert "private" in answer.headers["Cache-Control"]
    anonymous = door.get(site["course"].url, host)
    assert anonymous.cache == "HIT" and "wagtail-userbar" not in anonymous.text

    for _ in range(2):  # the registration form's CSRF token: rendered for each visitor
        answer = door.get(event.url, host)
        assert answer.cache == "MISS" and "csrfmiddlewaretoken" in answer.text
    token = answer.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    # That visitor's cookies (CSRF, area) do not keep other pages out of the cache.
    assert door.get(site["course"].url, host, {"csrftoken": token}).cache == "HIT"


def test_a_moved_or_deleted_page_is_gone_from_its_old_address_at_once(door, host, admin_client):
    site = build_site(host)
    course = site["course"]
    old_url = course.url
    warm(door, host, old_url)
    ahus_courses = ensure_index_page("course", site["regions"]["ahus"])
    MovePageAction(course, ahus_courses, pos="last-child").execute()

    gone = door.get(old_url, host)  # Wagtail's automatic redirect, no longer the cached page
    assert gone.status == 301 and gone.headers["Location"] == "/ahus/e-kurs/kurs-om-demens/"
    moved = warm(door, host, "/ahus/e-kurs/kurs-om-demens/")
    assert "Kurs om demens" in moved.text

    course.refresh_from_db()
    course.delete()
    assert door.get("/ahus/e-kurs/kurs-om-demens/", host).status == 404


def test_podcast_sound_is_sent_by_nginx_with_range_and_never_from_the_media_folder(door, host):
    build_site(host)
    data = (DEMO_MEDIA / "podkast-s1e1.mp3").read_bytes()
    with (DEMO_MEDIA / "podkast-s1e1.mp3").open("rb") as handle:
        sound = Media(title="Episode 1", type="audio")
        sound.file.save("podkast-s1e1.mp3", File(handle), save=False)
        sound.save()
    series = PodcastSeriesPageFactory(parent=ensure_index_page("podcast_series"))
    episode = PodcastEpisodePageFactory(parent=series, slug="forste", audio=sound, audio_url="")
    path = episode.specific.audio_src

    answer = door.get(path, host, headers={"Range": "bytes=100-1123"})
    assert answer.status == 206
    assert answer.headers["Content-Range"] == f"bytes 100-1123/{len(data)}"
    assert answer.body == data[100:1124]
    assert answer.headers["Content-Type"] == "audio/mpeg"
    assert "X-Accel-Redirect" not in answer.headers
    assert door.get("/media/" + sound.file.name, host).status == 404
    assert door.get(ACCEL_URL + sound.file.name, host).status == 404  # internal only

    episode.unpublish()
    assert door.get(path, host, headers={"Range": "bytes=0-99"}).status == 404
