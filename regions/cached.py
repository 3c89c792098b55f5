"""Site-wide lookups that every page view needs and that rarely change (locales, regions,
and above this floor the private parts of the tree and the sites), kept in the cache and
forgotten the moment their rows change.

Forgetting happens at once (so the same request and the tests see the change) and again when
the transaction commits (so a request that read the old rows in between cannot keep them).
A memory cache is per process: other processes notice within ``FRAGMENT_CACHE_SECONDS``, as
with the cached menu and footer; with Redis every process notices at once.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


def lifetime():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 60)


def remembered(key, compute):
    """The cached value of ``key``, computed (and cached) when missing."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, lifetime())
    return value


def forget(key):
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
