"""Counting one use of a page or document: cheap enough for any request, and never an error
for the visitor.

With Redis (the default cache is django-redis): HINCRBY on one hash per day, moved into the
database by ``manage.py flush_usage`` (scripts/scheduler.sh). While Redis does not answer, the
counts made meanwhile are lost; the visitor notices nothing (ops/redis_guard.py skips a
failed server for a few seconds, so each count fails at once).

Without Redis (a trial on SQLite): each process keeps its counts in memory and adds them to
the database at most every ``USAGE_BATCH_SECONDS`` and when it exits normally; a process
killed hard loses those seconds.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from django_redis import get_redis_connection
from redis.exceptions import RedisError

from tally import store
from tally.events import Event

# A day's hash not flushed within a week and a day is dropped by Redis (a scheduler that has
# stopped must not fill its memory).
KEEP_SECONDS = 8 * 24 * 60 * 60
DAY_PREFIX = "usage:day:"
# Without Redis, a process also writes once its buffer holds this many different items.
MAX_BUFFERED = 2000
# While Redis is down, one warning a minute per process rather than one per count.
WARN_EVERY_SECONDS = 60

logger = logging.getLogger(__name__)


def uses_redis():
    return settings.CACHES["default"]["BACKEND"].startswith("django_redis.")


def redis_client():
    """The default cache's Redis connection (its guarded pool: ops/redis_guard.py)."""
    return get_redis_connection("default")


def day_key(day):
    """The day's hash, under the cache's key prefix (several sites may share a Redis)."""
    return cache.make_key(f"{DAY_PREFIX}{day.isoformat()}")


class _Warnings:
    last = 0.0

    def lost(self, error):
        now = time.monotonic()
        if now - self.last >= WARN_EVERY_SECONDS:
            self.last = now
            logger.warning(
                "Usage counts lost while Redis does not answer (%s)", type(error).__name__
            )


_warnings = _Warnings()


def _count_in_redis(day, event, item_id):
    key = day_key(day)
    try:
        pipe = redis_client().pipeline(transaction=False)
        pipe.hincrby(key, f"{event}:{item_id}", 1)
        pipe.expire(key, KEEP_SECONDS)
        pipe.execute()
    except RedisError as error:
        _warnings.lost(error)
        return False
    return True


class Buffer:
    """One process's counts not yet in the database (without Redis)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.since = None
        self.registered = False

    def add(self, key):
        with self.lock:
            self.counts[key] += 1
            now = time.monotonic()
            if self.since is None:
                self.since = now
            due = (
                now - self.since >= settings.USAGE_BATCH_SECONDS or len(self.counts) >= MAX_BUFFERED
            )
            if not self.registered:
                atexit.register(self.write)
                self.registered = True
        if due:
            self.write()

    def take(self):
        with self.lock:
            counts, self.counts, self.since = self.counts, Counter(), None
        return counts

    def write(self):
        """Add the buffered counts to the database; how many there were."""
        counts = self.take()
        if not counts:
            return 0
        try:
            return store.add(counts)
        except DatabaseError:
            logger.exception("%s usage counts lost: the database did not take them", len(counts))
            return 0


_buffer = Buffer()


def count(event, item_id, day=None):
    """Count one ``event`` (an Event) of the page or document ``item_id`` on ``day`` (today).
    Returns False when the count was lost (Redis did not answer)."""
    event = Event(event).value
    day = day or timezone.localdate()
    if uses_redis():
        return _count_in_redis(day, event, int(item_id))
    _buffer.add((day, event, int(item_id)))
    return True


def write_buffered():
    """Without Redis: write this process's counts now (the report does, before reading)."""
    return 0 if uses_redis() else _buffer.write()
