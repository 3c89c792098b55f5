"""A per-client limit (certificate lookups, registrations, subscriptions), so nothing can be
tried in bulk.

Counts live in Django's cache under a keyed hash of the client address (the address itself is
never stored) in fixed windows, and expire with the window. When the cache does not answer
(Redis down), nothing is counted and every request is let through: a limit that refused
everyone would take the forms down with the cache.
"""

import logging
import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from guards.client import client_address

LOOKUPS = 30
WINDOW_SECONDS = 10 * 60

logger = logging.getLogger(__name__)


def client_key(request, scope):
    address = client_address(request)
    # The salt names the module's first home; kept so counts survive the move.
    return salted_hmac("courses.ratelimit", address).hexdigest()[:32] + ":" + scope


def over_limit(request, scope="certificates", limit=LOOKUPS, window=WINDOW_SECONDS, now=None):
    """Count one lookup by this client. None while within ``limit`` per ``window``
    seconds; otherwise the seconds until the window ends (for Retry-After)."""
    now = time.time() if now is None else now
    window_number = int(now // window)
    key = f"ratelimit:{client_key(request, scope)}:{window_number}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    if count is None:  # the cache ignored an error (settings/cache.py) and logged it
        logger.warning("Rate limit %r not applied: the cache did not answer", scope)
        return None
    if count <= limit:
        return None
    return max(1, int((window_number + 1) * window - now))
