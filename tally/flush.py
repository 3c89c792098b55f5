"""Moving the day hashes from Redis into the database (``manage.py flush_usage``).

Each day's hash is first renamed to a claimed name, atomically, so counts that arrive during
the flush go into a new hash; a claimed hash is deleted only after its counts are committed.
If the database refuses them, the claimed hash stays and the next flush adds it. A flush that
dies between the commit and the delete would add that hash twice; one lock keeps two flushes
from taking the same hash.
"""

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.core.cache import cache

from redis.exceptions import ResponseError

from tally import store
from tally.counter import DAY_PREFIX, redis_client
from tally.events import Event

CLAIMED_PREFIX = "usage:claimed:"
LOCK_KEY = "usage:flush-lock"
LOCK_SECONDS = 10 * 60
EVENTS = set(Event.values)

logger = logging.getLogger(__name__)


class FlushBusy(Exception):
    """Another flush holds the lock."""


@dataclass
class Flushed:
    hashes: int = 0
    counts: int = 0
    skipped: int = 0  # fields that were not "<event>:<id>" with a count


def parse(day_text, fields):
    """{(day, event, id): n} from a hash's fields, and how many fields made no sense."""
    day = datetime.date.fromisoformat(day_text)
    counts, skipped = {}, 0
    for field, value in fields.items():
        event, _, item = field.decode().partition(":")
        try:
            item_id, amount = int(item), int(value)
        except ValueError:
            skipped += 1
            continue
        if event not in EVENTS or item_id <= 0 or amount <= 0:
            skipped += 1
            continue
        counts[(day, event, item_id)] = amount
    return counts, skipped


def _claim_days(client):
    for key in client.scan_iter(match=cache.make_key(DAY_PREFIX + "*")):
        day_text = key.decode().rsplit(DAY_PREFIX, 1)[1]
        claimed = cache.make_key(f"{CLAIMED_PREFIX}{day_text}:{uuid.uuid4().hex}")
        try:
            client.rename(key, claimed)
        except ResponseError:  # gone since the scan (expired)
            continue


def flush():
    """Move every day's counts from Redis into the database; returns a Flushed."""
    client = redis_client()
    lock = cache.make_key(LOCK_KEY)
    if not client.set(lock, "1", nx=True, ex=LOCK_SECONDS):
        raise FlushBusy()
    result = Flushed()
    try:
        _claim_days(client)
        for key in client.scan_iter(match=cache.make_key(CLAIMED_PREFIX + "*")):
            day_text = key.decode().rsplit(CLAIMED_PREFIX, 1)[1].split(":", 1)[0]
            counts, skipped = parse(day_text, client.hgetall(key))
            result.counts += store.add(counts)
            result.skipped += skipped
            result.hashes += 1
            client.delete(key)
    finally:
        client.delete(lock)
    if result.skipped:
        logger.warning("flush_usage skipped %s fields that were not counts", result.skipped)
    return result
