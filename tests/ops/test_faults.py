"""What visitors and editors get while Redis or PostgreSQL fail: pages rendered without the
cache, a publish that still goes through, forms that count in the cache still open, the
static error page at once when the database is down, and a new connection after a restart."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connections
from django.db.utils import OperationalError
from django.test import Client
from django.urls import reverse

import psycopg
import pytest
import redis
from bs4 import BeautifulSoup
from django_redis.cache import RedisCache

from builder.tree import ensure_region_page
from tests.courses.conftest import EXAM
from tests.courses.test_exam import answers, exam_url, right, start
from tests.editorial.admin_actions import page_form
from tests.factories import CoursePageFactory, NewsPageFactory, RegionFactory
from tests.ops.outages import database_down, database_swapped, redis_down

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture
def ahus(home_page):
    region = RegionFactory(slug="ahus", name="Ahus")
    ensure_region_page(region)
    return region


def menu_links(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".main-nav a")


def test_pages_and_publishing_work_while_redis_is_down(
    client, admin_client, ahus, index_for, django_capture_on_commit_callbacks
):
    index_for("news")  # the national list, for the menu
    news_list = index_for("news", ahus)
    news = NewsPageFactory(parent=news_list, title="Vaktplan for sommeren")
    with redis_down() as url:
        # With django-redis's defaults every cache call would raise, and take the page down.
        with pytest.raises(redis.exceptions.ConnectionError):
            RedisCache(url, {}).get("kb:fragment-version")

        for path in ("/", "/ahus/"):
            # The header's and footer's cached fragments are rendered instead of read.
            assert menu_links(client.get(path)), path
        listing = client.get(news_list.url)
        assert menu_links(listing) and "Vaktplan for sommeren" in listing.content.decode()

        data = page_form(news, "Vaktplan for sommeren 2027")
        data["action-publish"] = "action-publish"
        edit = reverse("wagtailadmin_pages:edit", args=[news.pk])
        with django_capture_on_commit_callbacks(execute=True):  # the fragment expiry runs too
            assert admin_client.post(edit, data).status_code == 302
        assert "Vaktplan for sommeren 2027" in client.get(news.url).content.decode()


def test_forms_counted_in_the_cache_stay_open_while_redis_is_down(client, index_for, caplog):
    course = CoursePageFactory(parent=index_for("course"), delivery="leksjoner", pass_mark=60)
    course.exam_questions = EXAM
    course.save_revision().publish()
    with redis_down():
        # Certificate look-ups are rate limited in the cache: not counted, not refused.
        assert client.get("/kursbevis/KB-0000-0000-0000-0000/").status_code == 404
        # An exam attempt is claimed in the cache: scored, not refused as handed in already.
        attempt = start(client, course)
        response = client.post(exam_url(course), {"forsok": attempt, **answers(course, right)})
        assert response.status_code == 200
        assert "Bestått" in response.content.decode()
    assert "Rate limit 'certificates' not applied" in caplog.text


def test_a_redis_outage_logs_one_traceback_not_one_per_cache_call(caplog):
    with redis_down() as url:
        started = time.monotonic()
        for _ in range(20):
            assert cache.get("kb:fragment-version") is None
            cache.set("kb:fragment-version", 1)
        assert time.monotonic() - started < 1
        guarded = [r for r in caplog.records if r.getMessage() == "Exception ignored"]
        assert len(guarded) == 1 and guarded[0].levelno == logging.ERROR
        assert [r.levelno for r in caplog.records if r.name == "ops.redis_guard"] == [logging.ERROR]

        # The same settings without the guard: a traceback for every call.
        options = {**settings.CACHES["default"]["OPTIONS"]}
        del options["CONNECTION_FACTORY"]
        plain = RedisCache(url, {"OPTIONS": options})
        for _ in range(5):
            assert plain.get("kb:fragment-version") is None
        ignored = [r for r in caplog.records if r.getMessage() == "Exception ignored"]
        assert len(ignored) == 1 + 5


def test_a_down_database_gets_the_static_error_page_at_once(django_db_blocker, caplog):
    client = Client(raise_request_exception=False)
    with django_db_blocker.unblock(), database_down() as down:
        assert down.settings_dict["OPTIONS"]["connect_timeout"] == settings.DATABASE_CONNECT_TIMEOUT
        started = time.monotonic()
        response = client.get("/ahus/")
        elapsed = time.monotonic() - started
    assert response.status_code == 500
    assert "Noe gikk galt hos oss" in response.content.decode()
    assert elapsed < 2
    [error] = [r for r in caplog.records if r.name == "django.request"]
    assert error.levelno == logging.ERROR and error.exc_info[0] is OperationalError


def terminate_backend(settings_dict, pid):
    """What a PostgreSQL restart does to a kept connection, from another connection."""
    with psycopg.connect(
        host=settings_dict["HOST"],
        port=settings_dict["PORT"],
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"],
        dbname=settings_dict["NAME"],
        autocommit=True,
    ) as other:
        # Waits (up to 5 s) until the backend has gone.
        assert other.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()[0]


def new_request(client, path):
    """A request as a WSGI server makes it: the start of each request closes connections that
    are too old or broke, and lets the next use check its connection again (the test client
    leaves this out, to keep a test's transaction)."""
    close_old_connections()
    return client.get(path)


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL only: SQLite has no server to restart")
def test_after_a_postgresql_restart_the_next_request_reconnects(django_db_setup, django_db_blocker):
    client = Client(raise_request_exception=False)
    with django_db_blocker.unblock():
        configured = dict(connections["default"].settings_dict)
        assert configured["CONN_HEALTH_CHECKS"] is True and configured["CONN_MAX_AGE"] > 0
        for health_checks, status_after_restart in ((False, 503), (True, 200)):
            with database_swapped({**configured, "CONN_HEALTH_CHECKS": health_checks}) as kept:
                assert new_request(client, "/readyz").status_code == 200
                terminate_backend(configured, kept.connection.info.backend_pid)
                response = new_request(client, "/readyz")
                assert response.status_code == status_after_restart, health_checks
