"""REDIS_URL switches the cache to Redis; the cache then really stores in Redis."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379 (scripts/services.sh)")
def test_redis_url_makes_the_cache_use_redis():
    script = (
        "import django; django.setup();"
        "from django.core.cache import cache; from django.conf import settings;"
        "cache.set('kb-probe', 'ja', 30);"
        "print(settings.CACHES['default']['BACKEND'], cache.get('kb-probe'));"
        "import redis; print(redis.Redis.from_url(settings.REDIS_URL).exists(':1:kb-probe') "
        "or bool(redis.Redis.from_url(settings.REDIS_URL).keys('*kb-probe')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "kompetansebroen.settings.dev",
            "REDIS_URL": REDIS_URL,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    backend_line, stored_line = result.stdout.strip().splitlines()[-2:]
    assert backend_line == "django_redis.cache.RedisCache ja"
    assert stored_line in {"1", "True"}
