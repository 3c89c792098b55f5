"""Redis connections that stop trying for a few seconds after a failure.

The cache ignores Redis errors (IGNORE_EXCEPTIONS in kompetansebroen/settings/cache.py), so a
page renders without it; but a page makes several cache calls, and each would wait for its own
connect timeout (a host that is gone answers nothing) and log its own traceback. After one
failed connect or timed-out reply, a process skips connecting to that server for
``PAUSE_SECONDS``: those calls fail at once, and ``SkippedFilter`` keeps them out of the log.
"""

import logging
import time
from urllib.parse import urlsplit

from django_redis.pool import ConnectionFactory
from redis.connection import Connection, SSLConnection, UnixDomainSocketConnection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

PAUSE_SECONDS = 5.0

logger = logging.getLogger(__name__)

# Server ("host:port" or socket path) → time.monotonic() until which nobody connects to it.
_paused_until = {}


class SkippedConnect(RedisConnectionError):
    """Not attempted: the server failed a moment ago."""


def paused(server):
    until = _paused_until.get(server)
    return until is not None and time.monotonic() < until


class GuardMixin:
    @property
    def guarded_server(self):
        path = getattr(self, "path", None)
        return path or f"{self.host}:{self.port}"

    def connect(self):
        if self._sock is None and paused(self.guarded_server):
            raise SkippedConnect(f"Redis at {self.guarded_server} failed moments ago")
        try:
            super().connect()
        except (RedisConnectionError, RedisTimeoutError) as error:
            self.pause_connecting(error)
            raise
        if _paused_until.pop(self.guarded_server, None) is not None:
            logger.warning("Redis at %s answers again; caching resumed", self.guarded_server)

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except RedisTimeoutError as error:
            self.pause_connecting(error)
            raise

    def pause_connecting(self, error):
        if not paused(self.guarded_server):
            logger.error(
                "Redis at %s failed (%s); pages are served without the cache, next try in %s s",
                self.guarded_server,
                type(error).__name__,
                PAUSE_SECONDS,
            )
        _paused_until[self.guarded_server] = time.monotonic() + PAUSE_SECONDS


class GuardedConnection(GuardMixin, Connection):
    pass


class GuardedSSLConnection(GuardMixin, SSLConnection):
    pass


class GuardedUnixConnection(GuardMixin, UnixDomainSocketConnection):
    pass


CONNECTION_CLASSES = {
    "redis": GuardedConnection,
    "rediss": GuardedSSLConnection,
    "unix": GuardedUnixConnection,
}


class GuardedConnectionFactory(ConnectionFactory):
    """django-redis's factory, with connections of the guarded class for the URL's scheme."""

    _pools = {}  # not shared with the plain factory, whose pools hold unguarded connections

    def get_connection_pool(self, params):
        guarded = CONNECTION_CLASSES.get(urlsplit(params["url"]).scheme)
        if guarded is not None:  # any other scheme keeps redis-py's own connections
            params = {**params, "connection_class": guarded}
        return super().get_connection_pool(params)


class SkippedFilter(logging.Filter):
    """Drops django-redis's "Exception ignored" records for calls that were never tried (the
    failure that started the pause was logged, with its traceback)."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        while error is not None:
            if isinstance(error, SkippedConnect):
                return False
            error = error.__cause__
        return True
