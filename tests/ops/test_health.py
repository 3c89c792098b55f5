"""/healthz and /readyz, as a load balancer sees them: answered whatever the Host header and
without an HTTPS redirect, never cached, and /readyz 503 naming the failing dependency (by
its error's class only) when the database, the cache or the search engine does not answer."""

from django.test import override_settings

import pytest

from kompetansebroen.settings.search import search_backends
from tests.ops.outages import closed_port, database_down, redis_down

pytestmark = pytest.mark.django_db

ALL_OK = {"database": "ok", "cache": "ok", "search": "ok"}


def test_both_answer_ok_to_a_load_balancer_asking_by_address_over_http(client):
    # Production answers only its own host names and redirects to HTTPS; a load balancer asks
    # by the app server's address over plain HTTP.
    with override_settings(ALLOWED_HOSTS=["kompetansebroen.no"], SECURE_SSL_REDIRECT=True):
        assert client.get("/", HTTP_HOST="10.0.0.5").status_code == 400
        live = client.get("/healthz", HTTP_HOST="10.0.0.5")
        ready = client.get("/readyz", HTTP_HOST="10.0.0.5")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    assert (ready.status_code, ready.json()) == (200, {"status": "ok", "checks": ALL_OK})
    for response in (live, ready):
        assert response["Cache-Control"] == "no-store"
        assert response["Content-Type"] == "application/json"
        assert "Set-Cookie" not in response and "Content-Language" not in response
    # Not under the language prefixes: /nn/readyz is an ordinary (missing) page.
    assert client.get("/nn/readyz", follow=True).status_code == 404


def test_readyz_names_a_cache_that_does_not_answer(client, caplog):
    with redis_down():
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "CacheUnavailable", "search": "ok"},
    }
    # The failed check is logged once, as a warning, not also as a server error per probe.
    [failed] = [r for r in caplog.records if r.name == "ops.health"]
    assert failed.getMessage().startswith("Readiness check cache failed: CacheUnavailable")
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_readyz_names_a_search_engine_that_does_not_answer(client):
    engine = search_backends({"OPENSEARCH_URL": f"http://127.0.0.1:{closed_port()}"})
    with override_settings(WAGTAILSEARCH_BACKENDS=engine):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {**ALL_OK, "search": "SearchUnavailable"}
    assert "127.0.0.1" not in response.content.decode()


def test_a_down_database_fails_readiness_but_not_liveness(client, django_db_blocker):
    with django_db_blocker.unblock(), database_down():
        live = client.get("/healthz")
        ready = client.get("/readyz")
    assert live.status_code == 200
    assert ready.status_code == 503
    checks = ready.json()["checks"]
    assert checks["database"] == "OperationalError"
    # No address, port or error text reaches the answer.
    assert "127.0.0.1" not in ready.content.decode() and "refused" not in ready.content.decode()
