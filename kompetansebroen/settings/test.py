"""Boring, fast settings for the test suite."""

import os

# A generous statement timeout: CI machines are shared and slow; the guard itself is tested
# (tests/search/test_statement_timeout.py). Must be set before base reads it.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "30000")

from .base import *  # noqa: E402, F403

SECRET_KEY = "test-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
DEMO_CONTENT_ALLOWED = True  # the demo data's own tests load it and log in with it
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

# With a search engine (ELASTICSEARCH_URL / OPENSEARCH_URL): each write is searchable at once, as
# with the database backend, and each pytest-xdist worker has indexes of its own.
for _search in WAGTAILSEARCH_BACKENDS.values():  # noqa: F405
    if "INDEX_PREFIX" in _search:
        _search["REFRESH_AFTER_WRITE"] = True
        if os.environ.get("PYTEST_XDIST_WORKER"):
            _search["INDEX_PREFIX"] += os.environ["PYTEST_XDIST_WORKER"] + "_"

# Sign-in guards off unless a test turns them on (tests/ops/test_login_security.py): Django's
# test client logs in without a request, which django-axes refuses, and most admin tests are
# about something else than the second factor.
AXES_ENABLED = False
# Wagtail's page test helpers (WagtailPageTestCase) log in with the first backend, which must
# be able to load a user: axes (off here) goes last; tests/ops/test_login_security.py puts it
# first again, as in production.
AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS[1:], AUTHENTICATION_BACKENDS[0]]  # noqa: F405
TWO_FACTOR_ENFORCED = False
# Public rate limits off (0) unless a test sets them: many tests search in a loop.
PUBLIC_RATE_LIMITS = {scope: (0, window) for scope, (_limit, window) in PUBLIC_RATE_LIMITS.items()}  # noqa: F405
SEARCH_LOG_PER_CLIENT = (0, SEARCH_LOG_PER_CLIENT[1])  # noqa: F405
# Usage counts go to the database at once (tests/usage/test_counting.py tests the batching).
USAGE_BATCH_SECONDS = 0
