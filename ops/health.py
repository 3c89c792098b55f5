"""/healthz and /readyz for a load balancer or an orchestrator.

- ``/healthz`` (liveness): the process answers; touches nothing else, so a database or Redis
  outage never gets healthy app servers restarted.
- ``/readyz`` (readiness): the database answers ``SELECT 1``, the cache stores and returns a
  value, the search backend answers (an engine's ping; the database backend's index table).
  200 when all do, 503 when any fails; the answer names each check and, for a failed one, only
  the error's class (no host names, addresses or messages; those go to the log).

A middleware at the top of the stack answers both before anything else runs: no host check (a
load balancer asks by IP address), no HTTPS redirect, no language, session or area, and no
request log line every few seconds. Both answers carry ``Cache-Control: no-store``.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
# Seconds a search engine may take to answer the ping (the backend's own timeout is longer).
SEARCH_PING_SECONDS = 2

logger = logging.getLogger(__name__)


class CheckFailed(Exception):
    """A dependency answered, but not as it should."""


class CacheUnavailable(CheckFailed):
    pass


class SearchUnavailable(CheckFailed):
    pass


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # The cache is set to ignore Redis errors (pages are served without it), so a failure
    # shows as a value that does not come back. A key of its own per probe: processes that
    # check at the same moment cannot read each other's value.
    key = f"ops:readyz:{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    if cache.get(key) != token:
        raise CacheUnavailable("the cache did not return what was stored")
    cache.delete(key)


def ping(client):
    if hasattr(client, "options"):  # elasticsearch-py 8 and 9
        return client.options(request_timeout=SEARCH_PING_SECONDS).ping()
    return client.ping(request_timeout=SEARCH_PING_SECONDS)  # opensearch-py


def check_search():
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:  # the database backend: its index table can be read
        IndexEntry.objects.exists()
    elif not ping(client):
        raise SearchUnavailable("the search engine did not answer the ping")


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search}


def readiness():
    """{check name: "ok" or the class name of its error}."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "not ready"
            logger.warning("Readiness check %s failed: %s: %s", name, type(error).__name__, error)
            results[name] = type(error).__name__
        else:
            results[name] = "ok"
    return results


def no_store(response):
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == LIVENESS_PATH:
            return no_store(JsonResponse({"status": "ok"}))
        if request.path == READINESS_PATH:
            checks = readiness()
            ready = all(result == "ok" for result in checks.values())
            response = JsonResponse(
                {"status": "ok" if ready else "unavailable", "checks": checks},
                status=200 if ready else 503,
            )
            # Each failed check is logged above; not again as a server error on every probe.
            response._has_been_logged = True
            return no_store(response)
        return self.get_response(request)
