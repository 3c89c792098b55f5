"""Site-wide lookups that every page view needs and that rarely change (locales, regions,
and above this floor the private parts of the tree and the sites), kept in the cache and
forgotten the moment their rows change; and the version of the cached markup (menu, footer,
the front and region pages' sections, resource cards), which content changes move on.

Forgetting happens at once (so the same request and the tests see the change) and again when
the transaction commits (so a request that read the old rows in between cannot keep them).
A memory cache is per process: other processes notice within ``FRAGMENT_CACHE_SECONDS``, as
with the cached menu and footer; with Redis every process notices at once.

Within a request (RequestMemoMiddleware) each key is read from the cache once: a page asks
for the locales, regions or the markup's version several times, and with Redis each read is
a round trip.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

# The values read in this request (per thread: gunicorn's threads each have their own).
_request_memo = ContextVar("kb_request_memo", default=None)


class RequestMemoMiddleware:
    """Each request reads each of these keys from the cache at most once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def _memo():
    return _request_memo.get()


def _read(key):
    memo = _memo()
    if memo is not None and key in memo:
        return memo[key]
    value = cache.get(key)
    if memo is not None and value is not None:
        memo[key] = value
    return value


def _remember_in_request(key, value):
    memo = _memo()
    if memo is not None:
        memo[key] = value


def per_request(key, compute):
    """``compute()`` at most once per request (outside a request, every time): for values read
    from the database that every part of a request should see alike."""
    memo = _memo()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget_in_request(key):
    memo = _memo()
    if memo is not None:
        memo.pop(key, None)


def lifetime():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 60)


def remembered(key, compute):
    """The cached value of ``key``, computed (and cached) when missing."""
    value = _read(key)
    if value is None:
        value = compute()
        cache.set(key, value, lifetime())
        _remember_in_request(key, value)
    return value


def forget(key):
    memo = _memo()
    if memo is not None:
        memo.pop(key, None)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def forgetter(key):
    """A signal receiver that forgets ``key``."""

    def receiver(**kwargs):
        forget(key)

    return receiver


def keep(key, value):
    """Cache ``value`` under ``key`` (for values built up over several requests)."""
    cache.set(key, value, lifetime())
    _remember_in_request(key, value)


FRAGMENT_VERSION_KEY = "kb:fragment-version"


def fragment_version():
    """A number that changes whenever cached markup may be stale (it is part of its keys)."""
    version = _read(FRAGMENT_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(FRAGMENT_VERSION_KEY, version, None)
        _remember_in_request(FRAGMENT_VERSION_KEY, version)
    return version


def bump_fragment_version():
    memo = _memo()
    if memo is not None:
        memo.pop(FRAGMENT_VERSION_KEY, None)
    try:
        cache.incr(FRAGMENT_VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value is a fresh version
        cache.set(FRAGMENT_VERSION_KEY, 2, None)


def expire_fragments(**kwargs):
    """Signal receiver (home/signals.py): publish, unpublish, move, delete, or a change to
    what cards and menus name, expire the cached markup — once the change is committed, so no
    request renders and caches the old state after."""
    transaction.on_commit(bump_fragment_version)
