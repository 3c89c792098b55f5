"""What is counted: a visitor's page view once per request (by the page's beacon, so pages the
front door serves from its cache count too), a film or episode once per play, a document once
per download, a passed exam and an issued kursbevis; never a bot, an editor or a preview; and
nothing about the visitor is stored."""

import json
import re
import secrets

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from wagtail.documents.models import Document

import pytest

from builder.tree import ensure_index_page
from courses.models import ScormPackage
from courses.passes import attempt_token, pass_token
from courses.scoring import questions_of
from courses.scorm.store import save_package
from tally.events import Event
from tally.models import DocumentCount, PageCount
from tests.courses.conftest import EXAM
from tests.courses.scorm_zips import demo_upload
from tests.factories import (
    CoursePageFactory,
    FilmPageFactory,
    NewsPageFactory,
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
)
from tests.usage.visits import BROWSER, GOOGLEBOT, beacon_script, send, visit
from usage.templatetags.usage_tags import counted_page

pytestmark = pytest.mark.django_db

BEACON = "/api/bruk/"
IP = "198.51.100.23"


def counts(page, event=Event.VIEW):
    return sum(PageCount.objects.filter(page=page, event=event).values_list("count", flat=True))


@pytest.fixture
def news(regions):
    return NewsPageFactory(parent=ensure_index_page("news", regions["innlandet"]), title="Nyhet")


def test_each_visit_counts_once_and_the_page_itself_counts_nothing(client, news):
    for _visit in range(3):
        assert visit(client, news).status_code == 204
    assert counts(news) == 3
    # The page alone (a crawler that runs no script, a second GET) adds nothing.
    client.get(news.url, HTTP_USER_AGENT=BROWSER)
    assert counts(news) == 3
    row = PageCount.objects.get(page=news)
    assert (row.day, row.event, row.count) == (timezone.localdate(), "view", 3)


def test_bots_are_answered_like_people_and_not_counted(client, news):
    assert visit(client, news, user_agent=GOOGLEBOT).status_code == 204
    for program in ("curl/8.5.0", "python-requests/2.32", "", "Mozilla/5.0 HeadlessChrome/131"):
        assert send(client, BEACON, news.pk, user_agent=program).status_code == 204
    assert counts(news) == 0
    assert visit(client, news).status_code == 204
    assert counts(news) == 1


def test_editors_and_previews_get_no_beacon(client, news, make_user):
    editor = make_user("ida", "innlandet-editors")
    client.force_login(editor)
    assert beacon_script(client.get(news.url).content) is None
    # The editor's preview of a revision, through the admin.
    revision = news.save_revision(user=editor)
    preview = client.get(reverse("wagtailadmin_pages:revisions_view", args=[news.pk, revision.pk]))
    assert preview.status_code == 200
    assert "Nyhet" in preview.content.decode()
    assert beacon_script(preview.content) is None
    # A preview is not counted even where nobody is logged in (e.g. a shared preview link).
    request = RequestFactory().get(news.url)
    request.user = AnonymousUser()
    assert counted_page({"page": news, "request": request}) == news
    request.is_preview = True
    assert counted_page({"page": news, "request": request}) is None
    assert counts(news) == 0


def test_bad_beacons_are_refused_with_4xx(client, news, home_page):
    def status(data, **headers):
        client.cookies.clear()
        headers.setdefault("HTTP_USER_AGENT", BROWSER)
        return client.post(BEACON, data, **headers).status_code

    assert client.get(BEACON).status_code == 405
    assert status({"page": news.pk, "event": "hack"}) == 400
    assert status({"page": news.pk, "event": "download"}) == 400  # not the beacon's event
    for page in ("", "abc", "-4", "0", "²", "9" * 11, "2147483648"):
        assert status({"page": page, "event": "view"}) == 400, page
    assert status({"page": 99999999, "event": "view"}) == 400  # no such page
    assert status({"page": news.pk, "event": "film"}) == 400  # a play on a news item
    news.unpublish()
    assert status({"page": news.pk, "event": "view"}) == 400
    news.save_revision().publish()
    # Another site cannot make its visitors' browsers count here.
    assert status({"page": news.pk, "event": "view"}, HTTP_SEC_FETCH_SITE="cross-site") == 403
    assert counts(news) == 0
    response = send(client, BEACON, news.pk)
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]


def test_a_visitor_past_the_limit_gets_429(client, news, settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "usage": (2, 24 * 60 * 60)}
    assert [send(client, BEACON, news.pk).status_code for _ in range(3)] == [204, 204, 429]
    assert counts(news) == 2
    assert send(client, BEACON, news.pk, REMOTE_ADDR="192.0.2.7").status_code == 204


def test_film_and_episode_plays_are_counted_on_the_play_beacon(client, home_page):
    film = FilmPageFactory(parent=ensure_index_page("film"))
    series = PodcastSeriesPageFactory(parent=ensure_index_page("podcast_series"))
    episode = PodcastEpisodePageFactory(parent=series)
    for page, element, event in ((film, "video", "film"), (episode, "audio", "podcast")):
        html = client.get(page.url).content.decode()
        assert re.search(rf'<{element} [^>]*data-usage-event="{event}"', html)
        assert beacon_script(html)["data-page"] == str(page.pk)
    assert send(client, BEACON, film.pk, Event.FILM).status_code == 204
    for _play in range(2):
        assert send(client, BEACON, episode.pk, Event.PODCAST).status_code == 204
    assert (counts(film, Event.FILM), counts(episode, Event.PODCAST)) == (1, 2)
    assert counts(film) == counts(episode) == 0  # plays are not views


def test_downloads_count_once_per_opening_and_not_for_bots_or_editors(client, home_page, make_user):
    document = Document.objects.create(
        title="Veileder", file=ContentFile(b"%PDF-1.4 " + b"x" * 2000, name="veileder.pdf")
    )
    assert client.get(document.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    client.get(document.url, HTTP_USER_AGENT=BROWSER, HTTP_RANGE="bytes=0-")
    client.get(document.url, HTTP_USER_AGENT=BROWSER, HTTP_RANGE="bytes=1000-1999")  # the rest
    client.get(document.url, HTTP_USER_AGENT=GOOGLEBOT)
    client.force_login(make_user("ida"))
    client.get(document.url, HTTP_USER_AGENT=BROWSER)
    assert DocumentCount.objects.get(document=document).count == 2


def test_a_passed_exam_and_an_issued_kursbevis_are_counted(client, home_page):
    course = CoursePageFactory(parent=ensure_index_page("course"), delivery="leksjoner")
    course.exam_questions = EXAM
    course.save_revision().publish()
    form = client.get(course.url + "eksamen/").content.decode()
    attempt = re.search(r'name="forsok" value="([^"]+)"', form).group(1)
    right = {q.field_name: sorted(q.right_ids) for q in questions_of(course.exam_questions)}
    client.post(course.url + "eksamen/", {"forsok": attempt, **right})
    client.post(course.url + "eksamen/", {"forsok": attempt, **right})  # sent again: not scored
    assert counts(course, Event.COMPLETION) == 1
    token = pass_token(course, 100, secrets.token_urlsafe(16))
    response = client.post("/kursbevis/utsted/", {"name": "Kari Nordmann", "pass_token": token})
    assert response.status_code == 200
    assert counts(course, Event.CERTIFICATE) == 1


def test_a_passed_scorm_course_is_counted_once_per_attempt(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    course = CoursePageFactory(
        parent=ensure_index_page("course"),
        delivery="scorm",
        scorm_package=save_package(ScormPackage(title=""), demo_upload()),
        pass_mark=80,
    )
    url = course.url + course.reverse_subpage("scorm_result")

    def report(attempt, status, raw):
        data = {"attempt": attempt, "status": status, "score": {"raw": raw}}
        return client.post(url, json.dumps(data), content_type="application/json").status_code

    attempt = attempt_token(course)
    assert report(attempt, "passed", "90") == 200
    assert report(attempt, "passed", "90") == 200  # sent again after a network error
    assert report(attempt_token(course), "failed", "40") == 400
    assert counts(course, Event.COMPLETION) == 1


def test_nothing_about_the_visitor_is_stored(client, news):
    client.cookies["omrade"] = "innlandet"
    client.get(news.url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=IP)
    send(client, BEACON, news.pk, REMOTE_ADDR=IP, HTTP_X_FORWARDED_FOR=IP)
    document = Document.objects.create(title="Skjema", file=ContentFile(b"x", name="skjema.pdf"))
    client.get(document.url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=IP)
    with connection.cursor() as cursor:
        columns = {
            model._meta.db_table: [
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, model._meta.db_table
                )
            ]
            for model in (PageCount, DocumentCount)
        }
    assert sorted(columns[PageCount._meta.db_table]) == ["count", "day", "event", "id", "page_id"]
    assert sorted(columns[DocumentCount._meta.db_table]) == ["count", "day", "document_id", "id"]
    rows = [*PageCount.objects.values_list(), *DocumentCount.objects.values_list()]
    assert len(rows) == 2
    stored = " ".join(str(value) for row in rows for value in row)
    for personal in (IP, BROWSER, "Android", "innlandet", "omrade"):
        assert personal not in stored
