"""The page cache at the front door: Django's Cache-Control rules (pagecache/headers.py), the
addresses a change purges (pagecache/showing.py), and, through the repo's own nginx config in
front of Django's live server, that anonymous visitors get cached pages, see a publish on the
next request, and never get another area's, language's or an editor's page."""

import datetime
import itertools
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.actions.move_page import MovePageAction
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Locale, Site
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
REGIONS = {"ahus": "Ahus", "innlandet": "Innlandet"}
_hosts = itertools.count(1)


def build_site(host="localhost", regions=("ahus",)):
    """Front page, the regions (each with its page and lists), the course and theme lists, a
    course on dementia and its theme page, served at ``host``."""
    home = ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname=host)
    Site.clear_site_root_paths_cache()
    made = {slug: RegionFactory(slug=slug, name=REGIONS[slug]) for slug in regions}
    for region in made.values():
        ensure_region_page(region)
    demens = TopicFactory(slug="demens", name="Demens")
    course = CoursePageFactory(
        parent=ensure_index_page("course"), title="Kurs om demens", topics=[demens]
    )
    theme = ThemePageFactory(parent=ensure_index_page("theme"), topic=demens, title="Demens")
    return {"home": home, "regions": made, "course": course, "theme": theme, "topic": demens}


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
    site = build_site(regions=REGIONS)
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
    # Query strings purging cannot list (filters, suggestions): a minute.
    assert cache_control("/e-kurs/?topic=demens") == "public, max-age=0, s-maxage=60"
    assert cache_control("/api/search/autocomplete/?q=dem") == "public, max-age=0, s-maxage=60"
    # Each search counts in the editors' statistics: never answered from a cache.
    assert "s-maxage" not in cache_control("/sok/?q=demens")
    # Another area than the cookie's sets the cookie; an unknown one is not the key's area.
    assert "s-maxage" not in cache_control("/?o=innlandet")
    client.cookies["omrade"] = "ahus"
    assert "s-maxage" not in cache_control("/?o=finnes-ikke")
    client.cookies["omrade"] = "finnes-ikke"
    assert "s-maxage" not in cache_control("/")
    del client.cookies["omrade"]
    # Read differently by nginx's key and by Django (case, spaces, an empty repeat): a page
    # for one area must not be stored under another's key.
    assert "s-maxage" not in cache_control("/?o=ahus&o=")
    assert "s-maxage" not in cache_control("/", HTTP_COOKIE="x=1; omrade =ahus")
    assert "s-maxage" not in cache_control("/?%6F=ahus", HTTP_COOKIE="omrade=innlandet")
    assert "s-maxage" in cache_control("/", HTTP_COOKIE="omrade=ahus; omrade=innlandet")
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
        "http://localhost/ahus/e-kurs/",  # the region's own list of its type
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
    purging.SENDFILE_BACKEND = "playback.accel"  # what base.py sets with the URL
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


def test_a_publish_move_or_delete_is_seen_by_the_next_anonymous_visitor(door, host, admin_client):
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

    # Moved into Ahus' own list: the old address no longer gives the cached page.
    old_url = course.url
    warm(door, host, old_url)
    ahus_courses = ensure_index_page("course", site["regions"]["ahus"])
    MovePageAction(course, ahus_courses, pos="last-child").execute()
    gone = door.get(old_url, host)  # Wagtail's automatic redirect
    assert gone.status == 301 and gone.headers["Location"] == "/ahus/e-kurs/kurs-om-demens/"
    assert "Publisert tittel" in warm(door, host, "/ahus/e-kurs/kurs-om-demens/").text
    # Deleted: gone at once.
    course.refresh_from_db()
    course.delete()
    assert door.get("/ahus/e-kurs/kurs-om-demens/", host).status == 404
    assert "Publisert tittel" not in door.get("/", host).text


def test_searches_skip_the_cache_and_the_search_boxs_suggestions_are_cached(door, host):
    build_site(host)
    # Never stored (each search is counted), and not looked up either: a lookup would hold
    # visitors asking the same search at once behind the cache lock (deploy/nginx).
    for path in ("/sok/?q=demens", "/api/search/?q=demens"):
        for _ in range(2):
            answer = door.get(path, host)
            assert answer.status == 200 and answer.cache == "BYPASS", (path, answer.cache)
            assert "Kurs om demens" in answer.text
    assert "Kurs om demens" in warm(door, host, "/api/search/autocomplete/?q=kurs").text


def national_only(answer):
    return "<strong>" not in answer.text.split('class="area-bar__current"')[1][:200]


def test_areas_languages_and_editors_never_get_each_others_cached_page(
    door, host, client, django_user_model
):
    site = build_site(host, regions=REGIONS)
    translate_page(site["home"], Locale.objects.create(language_code="nn"), lambda t, c: t)
    event = EventPageFactory(  # with open registration: a form, and so a CSRF token
        parent=ensure_index_page("event"),
        registration_open=True,
        capacity=30,
        registration_deadline=(timezone.now() + datetime.timedelta(days=10)).date(),
    )
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
    answer = door.get("/?o=ahus", host, innlandet)
    assert "<strong>Ahus</strong>" in answer.text
    assert "<strong>Innlandet</strong>" not in answer.text
    # Cookies read differently by nginx and Django never put one area's page under another's
    # key: two Cookie headers (joined by nginx), a name in capitals, a space before "=".
    two = door.get("/", host, headers=[("Cookie", "x=1"), ("Cookie", "omrade=innlandet")])
    assert "<strong>Innlandet</strong>" in two.text
    for odd in ("OMRADE=innlandet", "omrade =innlandet"):
        door.get("/", host, headers={"Cookie": odd})
        assert "<strong>Ahus</strong>" in door.get("/", host, ahus).text
        assert door.get("/", host).cache == "HIT" and national_only(door.get("/", host))

    # A logged-in editor gets a page of their own, never the cache's, and it is not stored.
    client.force_login(django_user_model.objects.create_superuser("redaktor", "r@x.no", "pw"))
    editor = {"sessionid": client.cookies["sessionid"].value}
    for _ in range(2):
        answer = door.get("/", host, editor)
        assert answer.cache == "BYPASS" and "private" in answer.headers["Cache-Control"]
        assert "wagtail-userbar" in answer.text
    anonymous = door.get("/", host)
    assert anonymous.cache == "HIT" and "wagtail-userbar" not in anonymous.text

    # A page with a form's CSRF token is made for each visitor; their CSRF cookie does not
    # keep other pages out of the cache.
    for _ in range(2):
        answer = door.get(event.url, host)
        assert answer.cache == "MISS" and "csrfmiddlewaretoken" in answer.text
    token = answer.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    assert door.get("/", host, {"csrftoken": token}).cache == "HIT"


def test_sound_and_documents_are_sent_by_nginx_once_django_has_checked_them(door, host):
    build_site(host, regions=())
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

    # Documents: Wagtail's view checks the collection's privacy, nginx sends the file.
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
    public = Document.objects.create(
        title="Veileder", file=ContentFile(b"%PDF-1.4 veileder", name="veileder.pdf")
    )
    private = Document.objects.create(
        title="Intern", collection=internal, file=ContentFile(b"%PDF-1.4 intern", name="intern.pdf")
    )
    sent = door.get(public.url, host)
    assert sent.status == 200 and sent.body == b"%PDF-1.4 veileder"
    assert "X-Accel-Redirect" not in sent.headers
    refused = door.get(private.url, host)
    assert refused.status == 302 and b"intern" not in refused.body
    for document in (public, private):
        assert door.get("/media/" + document.file.name, host).status == 404
