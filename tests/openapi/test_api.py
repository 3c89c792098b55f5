"""The open API's answers (/api/v2/): each resource type with its documented fields, nothing
unpublished or private, the filters, bad input as a 400 with a message, CORS on /api/ only,
the front door's brief caching and the per-client limit."""

import datetime
from pathlib import Path

from django.core.files import File
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtailmedia.models import Media

import pytest

from builder.tree import ensure_index_page
from regions.lookup import NATIONAL
from tests.factories import EventPageFactory, PodcastEpisodePageFactory

pytestmark = pytest.mark.django_db

DEMO_MEDIA = Path(__file__).resolve().parents[2] / "builder" / "demo" / "media"

COMMON = {"id", "meta", "title", "summary", "date", "topics", "audiences", "region", "areas"}
COMMON |= {"image", "image_caption", "image_credit", "last_reviewed"}
META = {"type", "detail_url", "html_url", "slug", "locale", "first_published_at"}
META |= {"last_published_at"}
# What each type adds (docs/api.md lists the same).
OWN_FIELDS = {
    "course": {
        "course_format",
        "duration_minutes",
        "provider",
        "delivery",
        "course_url",
        "offers_certificate",
    },
    "event": {
        "start",
        "end",
        "location",
        "online",
        "organiser",
        "registration_deadline",
        "registration_url",
        "registration_open",
        "capacity",
    },
    "film": {"video_url", "duration_seconds", "captioned"},
    "podcast_series": {
        "author",
        "category",
        "explicit",
        "feed_url",
        "apple_podcasts_url",
        "spotify_url",
    },
    "podcast_episode": {"season_number", "episode_number", "duration_seconds", "audio_url"},
    "article": set(),
    "news": set(),
    "theme": {"topic"},
    "project": {"status", "start_year", "end_year"},
    "research": {
        "authors",
        "institution",
        "publication",
        "publication_year",
        "doi",
        "source_url",
        "practice_summary",
    },
}


def listed(client, **params):
    response = client.get("/api/v2/pages/", {"limit": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, **params):
    return {item["title"] for item in listed(client, **params)["items"]}


def test_each_type_answers_with_its_documented_fields_in_lists_and_alone(client, content):
    items = {item["meta"]["type"]: item for item in listed(client)["items"]}
    assert set(items) == set(OWN_FIELDS)
    for key, item in items.items():
        assert set(item) == COMMON | OWN_FIELDS[key], key
        assert set(item["meta"]) == META, key
        alone = client.get(f"/api/v2/pages/{item['id']}/")
        assert alone.status_code == 200
        assert alone.json() == item, key

    course = items["course"]
    assert course["meta"]["html_url"] == "http://localhost/e-kurs/legemiddelhandtering/"
    assert course["meta"]["detail_url"] == f"http://localhost/api/v2/pages/{course['id']}/"
    assert course["topics"] == [{"slug": "legemidler", "name": "Legemidler"}]
    assert course["audiences"] == [{"slug": "sykepleiere", "name": "Sykepleiere"}]
    assert course["region"] is None and course["areas"] == []
    assert course["duration_minutes"] == 90 and course["offers_certificate"] is True
    assert ".fill-1200x675" in course["image"]["url"]
    assert course["image"]["full_url"] == "http://localhost" + course["image"]["url"]
    assert course["image"]["alt"] == "Sykepleier"

    event = items["event"]
    assert event["region"] == {"slug": "innlandet", "name": "Innlandet"}
    assert event["start"].endswith(("+01:00", "+02:00"))  # Oslo time, with its offset
    assert event["location"] == "Digitalt (Teams)" and event["image"] is None
    assert "meeting_url" not in event  # sent only to confirmed participants

    article = items["article"]
    assert article["region"]["slug"] == "ahus"
    assert [area["slug"] for area in article["areas"]] == ["ahus", "innlandet"]
    assert items["podcast_episode"]["audio_url"] == "https://media.example.org/podkast/episode.mp3"
    assert items["podcast_series"]["feed_url"] == "http://localhost/podkast/helsepodden/feed/"
    assert items["film"]["video_url"] == "https://video.example.org/film.mp4"
    assert items["theme"]["topic"] == {"slug": "demens", "name": "Demens"}
    assert items["project"]["status"] == "aktiv"
    research = items["research"]
    assert research["authors"] == ["Kari Nordmann", "Ola Hansen"]
    assert research["source_url"] == "https://doi.org/10.4220/Sykepleienf.2024.96215"
    assert course["image_credit"] == "Foto: Kari" and course["last_reviewed"] == "2025-02-01"


def test_unpublished_and_private_pages_files_never_appear_even_to_editors(
    client, content, django_user_model
):
    hidden = content["hidden"].values()
    shown = {page.pk for page in content["pages"].values()}
    client.force_login(django_user_model.objects.create_superuser("red", "r@x.no", "pw"))
    # A visitor who gave the private page's password sees it on the site, not in the API.
    session = client.session
    session["wagtail-page-passwords"] = {str(content["hidden"]["private"].pk): "hemmelig"}
    session.save()
    assert {item["id"] for item in listed(client)["items"]} == shown
    assert listed(client, region="oslo")["items"] == []
    for page in hidden:
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 404
        assert "message" in response.json()
    for kind, public, private in (
        ("images", content["image"], content["private_image"]),
        ("documents", content["document"], content["private_document"]),
    ):
        items = client.get(f"/api/v2/{kind}/").json()["items"]
        assert [item["id"] for item in items] == [public.pk]
        assert client.get(f"/api/v2/{kind}/{public.pk}/").status_code == 200
        assert client.get(f"/api/v2/{kind}/{private.pk}/").status_code == 404
    document = client.get("/api/v2/documents/").json()["items"][0]
    assert document["meta"]["download_url"] == "http://localhost" + content["document"].url
    image = client.get("/api/v2/images/").json()["items"][0]
    assert image["meta"]["download_url"] == content["image"].file.url


def test_filters_use_the_sites_area_rules(client, content):
    national = {"Legemiddelhåndtering", "Blodtrykksmåling", "Helsepodden", "Om delirium"}
    national |= {"Ny veileder", "Demens", "Legemiddelgjennomgang"}
    assert titles(client, type="course") == {"Legemiddelhåndtering"}
    assert titles(client, type="course,film") == {"Legemiddelhåndtering", "Blodtrykksmåling"}
    assert {item["meta"]["type"] for item in listed(client, type="event")["items"]} == {"event"}
    # Owned by Innlandet (event, project) or shared into it (the Ahus article).
    region = {"Fagdag om demens", "Sammen om barn", "Demens i sykehjem"}
    assert titles(client, region="innlandet") == region
    assert titles(client, region=NATIONAL) == national
    # What a visitor in the area sees: its own, shared-in and national items.
    assert titles(client, area="innlandet") == region | national
    assert titles(client, area="ahus") == {"Demens i sykehjem"} | national
    assert titles(client, topic="demens") == {
        "Fagdag om demens",
        "Om delirium",
        "Demens i sykehjem",
    }
    assert titles(client, audience="sykepleiere", topic="legemidler") == {"Legemiddelhåndtering"}
    assert titles(client, locale="nb") == region | national
    assert titles(client, locale="en") == set()
    assert titles(client, upcoming="true", type="course") == set()
    assert len(listed(client, upcoming="false")["items"]) == 10
    # Order and paging: newest date first by default, then by id; any documented field.
    first = listed(client)["items"][0]
    assert first["title"] == "Demens i sykehjem"  # dated 1 May 2025, the latest
    by_title = [item["title"] for item in listed(client, order="title")["items"]]
    assert by_title == sorted(by_title)
    window = listed(client, order="-id", limit=2, offset=1)
    assert window["meta"]["total_count"] == 10 and len(window["items"]) == 2
    assert window["items"][0]["id"] > window["items"][1]["id"]
    # Upcoming events, soonest first (one more, sooner, and one that has ended).
    soon = timezone.now() + datetime.timedelta(days=2)
    EventPageFactory(parent=ensure_index_page("event"), title="Webinar", start=soon)
    past = timezone.now() - datetime.timedelta(days=2)
    EventPageFactory(parent=ensure_index_page("event"), title="Ferdig", start=past)
    for kinds in ("", "event", "event,course"):
        events = [item["title"] for item in listed(client, upcoming="true", type=kinds)["items"]]
        assert events == ["Webinar", "Fagdag om demens"], kinds


@pytest.mark.parametrize(
    ("path", "params", "says"),
    [
        ("pages", {"type": "kurs"}, "type"),
        ("pages", {"type": "course,kurs"}, "kurs"),
        ("pages", {"area": "finnes-ikke"}, "area"),
        ("pages", {"region": "finnes-ikke"}, "region"),
        ("pages", {"topic": "ukjent\x00"}, "topic"),
        ("pages", {"audience": "ukjent"}, "audience"),
        ("pages", {"locale": "de"}, "locale"),
        ("pages", {"upcoming": "ja"}, "upcoming"),
        ("pages", {"limit": "abc"}, "limit"),
        ("pages", {"limit": "101"}, "limit"),
        ("pages", {"limit": "-1"}, "limit"),
        ("pages", {"offset": "99999999999999999999"}, "offset"),
        ("pages", {"order": "body"}, "order"),
        ("pages", {"order": "title,date,id,slug"}, "order"),
        ("pages", {"search": "demens"}, "search"),
        ("pages", {"fields": "*"}, "fields"),
        ("pages", {"duration_minutes": "x", "type": "course"}, "duration_minutes"),
        ("images", {"limit": "1000"}, "limit"),
        ("documents", {"order": "file"}, "order"),
        ("pages/1", {"type": "course"}, "type"),
    ],
)
def test_bad_input_is_a_400_with_a_message(client, path, params, says):
    response = client.get(f"/api/v2/{path}/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert says in response.json()["message"]


def test_a_list_takes_the_same_number_of_queries_however_long(client, content):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            items = listed(client)["items"]
        return len(items), len(captured)

    pages = content["pages"]
    # An episode with its sound uploaded here: its address is the portal's own.
    with (DEMO_MEDIA / "podkast-s1e1.mp3").open("rb") as handle:
        sound = Media(title="Lyd", type="audio")
        sound.file.save("lyd.mp3", File(handle), save=False)
        sound.save()
    uploaded = PodcastEpisodePageFactory(
        parent=pages["podcast_series"], title="Opplastet", audio=sound, audio_url=""
    )
    alone = client.get(f"/api/v2/pages/{uploaded.pk}/").json()
    assert alone["audio_url"] == f"http://localhost/avspill/lyd/{uploaded.pk}/opplastet.mp3"

    queries()  # the site's lookups cached, the images' renditions made
    count, before = queries()
    for source in (*(pages[key] for key in ("course", "event", "project", "film")), uploaded):
        source.copy(update_attrs={"title": f"Kopi av {source.title}", "slug": f"kopi-{source.pk}"})
    queries()  # publishing forgot the cached site lookups
    assert queries() == (count + 5, before)


def test_cors_on_the_apis_for_any_origin_without_credentials(client, content):
    origin = {"HTTP_ORIGIN": "https://portal.example.no"}
    for path in ("/api/v2/pages/", "/api/v2/openapi.json", "/api/search/?q=demens"):
        answer = client.get(path, **origin)
        assert answer["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in answer
    # Without an Origin too: the front door may hand this answer to a browser later.
    assert client.get("/api/v2/pages/")["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v2/pages/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **origin)
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    for path in ("/", "/e-kurs/", "/api/favoritter/?id=1", "/admin/login/"):
        assert "Access-Control-Allow-Origin" not in client.get(path, **origin), path
    assert client.options("/api/v2/pages/").status_code == 200  # DRF's description
    assert client.head("/api/v2/pages/").status_code == 200
    refused = client.post("/api/v2/pages/", **origin)
    assert refused.status_code == 405 and "message" in refused.json()


def test_the_front_door_keeps_answers_briefly_and_never_errors(client, content, settings):
    settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_QUERY_SECONDS = 600, 60
    brief = "public, max-age=0, s-maxage=60"
    for path in ("/api/v2/pages/", "/api/v2/pages/?type=course", "/api/v2/images/"):
        assert client.get(path)["Cache-Control"] == brief, path
    assert client.get(f"/api/v2/pages/{content['pages']['news'].pk}/")["Cache-Control"] == brief
    assert client.get("/api/v2/openapi.json")["Cache-Control"] == brief
    for path in ("/api/v2/pages/?type=x", "/api/v2/pages/999999/"):
        assert "s-maxage" not in client.get(path).get("Cache-Control", ""), path


def test_a_client_past_its_limit_gets_a_429_with_retry_after(client, content, settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "api": (2, 24 * 60 * 60)}
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200
    refused = client.get("/api/v2/images/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "For mange forespørsler" in refused.json()["message"]
    assert "no-store" in refused["Cache-Control"]
    other = client.get("/api/v2/pages/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
