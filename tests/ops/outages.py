"""Real outages for the fault tests: a port on 127.0.0.1 that nothing listens on, the cache and
the default database pointed at it with the project's own settings builders."""

import socket
from contextlib import contextmanager

from django.db import connections
from django.db.utils import load_backend
from django.test import override_settings

from kompetansebroen.settings.cache import cache_settings
from kompetansebroen.settings.database import database_settings


def closed_port():
    """A port that was free a moment ago: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_redis_ports = set()


@contextmanager
def redis_down():
    """The project's Redis cache settings, pointed at a closed port; yields the URL. A port not
    used before in this run: each process remembers for a few seconds which Redis failed."""
    port = closed_port()
    while port in _redis_ports:
        port = closed_port()
    _redis_ports.add(port)
    url = f"redis://127.0.0.1:{port}/0"
    with override_settings(CACHES=cache_settings(url)):
        yield url


@contextmanager
def database_swapped(settings_dict):
    """The default connection replaced by one with ``settings_dict`` (completed the way
    Django completes DATABASES) for the requests made inside."""
    completed = connections.configure_settings({"default": settings_dict})["default"]
    wrapper = load_backend(completed["ENGINE"]).DatabaseWrapper(completed, "default")
    original = connections["default"]
    connections["default"] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.close()
        connections["default"] = original


def database_down():
    """The project's PostgreSQL settings for a server that is not there."""
    url = f"postgres://postgres@127.0.0.1:{closed_port()}/kompetansebroen"
    return database_swapped(database_settings(url))
