"""Settings come from the environment with safe defaults (production's refusals:
tests/ops/test_safe_defaults.py)."""

import os

from kompetansebroen.settings.search import search_backends


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
