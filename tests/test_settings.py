"""Settings come from the environment with safe defaults; production refuses weak secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kompetansebroen.settings.search import search_backends

REPO = Path(__file__).resolve().parents[1]


def run_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPO,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("secret", [None, "short", "insecure-" + "x" * 40])
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    env = {"DJANGO_SETTINGS_MODULE": "kompetansebroen.settings.production"}
    if secret:
        env["SECRET_KEY"] = secret
    result = run_check(env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = run_check(
        {
            "DJANGO_SETTINGS_MODULE": "kompetansebroen.settings.production",
            "SECRET_KEY": "k" * 50 + "-not-a-real-one-but-long-enough",
            "ALLOWED_HOSTS": "kompetansebroen.example",
            "SECURE_HSTS_SECONDS": "3600",
        }
    )
    assert result.returncode == 0, result.stderr


def test_database_search_is_the_default(monkeypatch):
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    backend = search_backends()["default"]
    assert backend["BACKEND"] == "search.backends.database"
    assert backend["SEARCH_CONFIG"] == "kb_norwegian"


def test_elasticsearch_url_selects_the_elasticsearch_backend(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://es.example:9200")
    monkeypatch.setenv("ELASTICSEARCH_VERSION", "9")
    backend = search_backends()["default"]
    assert backend["BACKEND"] == "search.backends.engines.Elasticsearch9Backend"
    assert backend["URLS"] == ["http://es.example:9200"]


def test_opensearch_url_selects_the_opensearch_backend(monkeypatch):
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    monkeypatch.setenv("OPENSEARCH_URL", "http://os.example:9200")
    backend = search_backends()["default"]
    assert backend["BACKEND"] == "search.backends.engines.OpenSearch2Backend"
    assert backend["INDEX_PREFIX"] == "kompetansebroen_"


def test_database_url_selects_the_database():
    from django.conf import settings

    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite3"
    )
    assert settings.DATABASES["default"]["ENGINE"].endswith(expected)
