"""The front door's own rules, through the repo's nginx config with no Django behind it:
static files (long-lived hashed names, precompressed copies), uploaded images from disk but
never documents, films, sound or SCORM packages, the internal location closed to visitors,
upload limits; the render script refusing a value that would break the config; gunicorn's
configuration."""

import gzip
import multiprocessing
import os
import runpy
import subprocess

import pytest
from gunicorn.config import Config

from tests.ops.frontdoor import (
    ACCEL_URL,
    FRONTDOOR,
    REPO,
    free_port,
    require_nginx,
    running_front_door,
)

CSS = b"body { color: #1a1a1a; }\n" * 200
HASHED = "css/site.3f2a9c1b7e4d.css"


@pytest.fixture(scope="module")
def door(tmp_path_factory):
    root = tmp_path_factory.mktemp("frontdoor-files")
    static, media = root / "static", root / "media"
    (static / "css").mkdir(parents=True)
    for name in (HASHED, "css/site.css"):
        (static / name).write_bytes(CSS)
    (static / (HASHED + ".gz")).write_bytes(gzip.compress(CSS))
    for folder in ("images", "documents", "media", "scorm/packages"):
        (media / folder).mkdir(parents=True)
    for name in ("images/bilde.jpg", "documents/privat.pdf", "media/lyd.mp3", "scorm/x.zip"):
        (media / name).write_bytes(b"innhold")
    nobody = f"127.0.0.1:{free_port()}"  # no Django: only what nginx answers itself
    with running_front_door(root / "nginx", nobody, static, media) as running:
        yield running


def test_static_files_are_served_by_nginx_and_hashed_names_kept_a_year(door):
    hashed = door.get("/static/" + HASHED)
    assert hashed.status == 200 and hashed.body == CSS
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    compressed = door.get("/static/" + HASHED, headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.body) == CSS
    plain = door.get("/static/css/site.css")  # a name that may change: an hour
    assert plain.status == 200 and plain.headers["Cache-Control"] == "max-age=3600"


def test_images_come_from_disk_but_checked_files_never_do(door):
    assert door.get("/media/images/bilde.jpg").status == 200
    for path in (
        "/media/documents/privat.pdf",  # may be in a private collection: /documents/… checks
        "/media/media/lyd.mp3",  # only a live page's sound: /avspill/…
        "/media/scorm/x.zip",
        ACCEL_URL + "documents/privat.pdf",  # Django's X-Accel-Redirect target, internal only
    ):
        assert door.get(path).status == 404, path


def test_request_bodies_are_limited_except_uploads_in_the_admin(door):
    body = b"x" * (3 * 1024 * 1024)
    assert door.get("/sok/", method="POST", body=body).status == 413
    # Taken in whole by nginx; then 502 as no Django is behind this front door.
    assert door.get("/admin/images/multiple/add/", method="POST", body=body).status == 502


def test_render_refuses_a_value_that_would_change_the_config(tmp_path):
    require_nginx()
    result = subprocess.run(
        [str(FRONTDOOR), "render", str(tmp_path)],
        env={**os.environ, "FRONTDOOR_UPSTREAM": "127.0.0.1:8000; include /etc/shadow"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "frontdoor.sh: FRONTDOOR_UPSTREAM has characters nginx's configuration cannot take "
        "here: '127.0.0.1:8000; include /etc/shadow'"
    ]
    assert not (tmp_path / "kompetansebroen.conf").exists()


def test_gunicorn_runs_a_process_per_core_with_four_threads_unless_told_otherwise(monkeypatch):
    config = REPO / "deploy" / "gunicorn.conf.py"
    for name in ("WORKERS", "WORKER_CLASS", "THREADS", "MAX_REQUESTS", "BIND"):
        monkeypatch.delenv(f"GUNICORN_{name}", raising=False)
    values = runpy.run_path(str(config))
    assert values["workers"] == multiprocessing.cpu_count()
    assert values["worker_class"] == "gthread" and values["threads"] == 4
    assert values["preload_app"] and values["max_requests"] > 0
    assert values["timeout"] < 40  # nginx's proxy_read_timeout: gunicorn ends it first
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert runpy.run_path(str(config))["workers"] == 3
    # gunicorn's own validators accept every value (what it does when it reads the file).
    settings = Config().settings
    for name, value in values.items():
        if name in settings:
            settings[name].set(value)
    assert settings["bind"].get() == ["127.0.0.1:8000"]
