"""Builds CACHES from REDIS_URL: Redis when it is set, else a per-process memory cache.

Redis is a speed-up, never a dependency: a call that Redis does not answer within
``SOCKET_TIMEOUT_SECONDS`` is given up, its error logged (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS in
base.py) and treated as a miss, so pages are rendered without the cache while Redis is down.
ops/redis_guard.py then skips Redis for a few seconds instead of waiting on every call.
"""

# Redis answers on the local network in well under a millisecond; a connect or a reply that
# takes this long means it is gone or stuck.
SOCKET_CONNECT_TIMEOUT_SECONDS = 0.5
SOCKET_TIMEOUT_SECONDS = 0.5


def cache_settings(redis_url=None, key_prefix="kompetansebroen"):
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": SOCKET_CONNECT_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": SOCKET_TIMEOUT_SECONDS,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_FACTORY": "ops.redis_guard.GuardedConnectionFactory",
            },
        }
    }
