"""The repo's front door for tests: nginx from deploy/nginx (through scripts/frontdoor.sh) on
free loopback ports, as the current user, its pid, logs, cache and temporary files in a
temporary directory. One per test module.

Without nginx and its cache-purge module the tests skip with install instructions; with
CI=true they must run (as the browser tests do with chromium).
"""

import http.client
import os
import shutil
import socket
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FRONTDOOR = REPO / "scripts" / "frontdoor.sh"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
ACCEL_URL = "/_kb_protected/"


def require_nginx():
    """Skip (fail under CI=true) when Debian's nginx or its cache-purge module is missing."""
    if (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) and PURGE_MODULE.exists():
        return
    message = (
        "Front-door tests need Debian's nginx with its cache-purge module: "
        "scripts/frontdoor.sh install (apt-get install nginx libnginx-mod-http-cache-purge)."
    )
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message + " CI=true: they must run here.")
    pytest.skip(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    @property
    def cache(self):
        """nginx's X-Cache-Status: MISS, HIT, BYPASS … (None: not a cached location)."""
        return self.headers.get("X-Cache-Status")


@dataclass(frozen=True)
class FrontDoor:
    port: int
    purge_port: int
    directory: Path

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def get(self, path, host="localhost", cookies=None, headers=(), method="GET", body=None):
        """One request to the front door, as a browser at ``host`` would send it; ``headers``
        a dict or (name, value) pairs (a name may repeat)."""
        sent = [("Host", host), *(headers.items() if isinstance(headers, dict) else headers)]
        if body is not None:
            sent.append(("Content-Length", str(len(body))))
        if cookies:
            sent.append(("Cookie", "; ".join(f"{name}={value}" for name, value in cookies.items())))
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in sent:
                connection.putheader(name, value)
            connection.endheaders(body)
            response = connection.getresponse()
            return Answer(response.status, response.headers, response.read())
        finally:
            connection.close()


def frontdoor_script(command, directory, env):
    result = subprocess.run(
        [str(FRONTDOOR), command, str(directory)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


@contextmanager
def running_front_door(directory, upstream, static_root, media_root):
    """nginx in front of ``upstream`` (host:port) until the block ends."""
    require_nginx()
    door = FrontDoor(free_port(), free_port(), Path(directory))
    env = {
        "FRONTDOOR_LISTEN": f"127.0.0.1:{door.port}",
        "FRONTDOOR_PURGE_LISTEN": f"127.0.0.1:{door.purge_port}",
        "FRONTDOOR_UPSTREAM": upstream,
        "FRONTDOOR_WORKERS": "1",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
        "MEDIA_ACCEL_REDIRECT_URL": ACCEL_URL,
    }
    started = frontdoor_script("start", directory, env)
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        yield door
    finally:
        frontdoor_script("stop", directory, env)
