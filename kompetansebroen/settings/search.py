"""Builds WAGTAILSEARCH_BACKENDS from the environment.

The database backend is the default; ELASTICSEARCH_URL or OPENSEARCH_URL switch to an engine.
"""

from . import env


def search_backends():
    index_prefix = env.get("SEARCH_INDEX_PREFIX", "kompetansebroen")
    elasticsearch_url = env.get("ELASTICSEARCH_URL")
    opensearch_url = env.get("OPENSEARCH_URL")
    if elasticsearch_url:
        version = env.get("ELASTICSEARCH_VERSION", "8")
        return {
            "default": {
                "BACKEND": f"wagtail.search.backends.elasticsearch{version}",
                "URLS": [elasticsearch_url],
                "INDEX_PREFIX": f"{index_prefix}_",
                "TIMEOUT": 10,
            }
        }
    if opensearch_url:
        version = env.get("OPENSEARCH_VERSION", "2")
        return {
            "default": {
                "BACKEND": f"wagtail.search.backends.opensearch{version}",
                "URLS": [opensearch_url],
                "INDEX_PREFIX": f"{index_prefix}_",
                "TIMEOUT": 10,
            }
        }
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            # PostgreSQL full-text search with Norwegian stemming; ignored on SQLite.
            "SEARCH_CONFIG": "norwegian",
        }
    }
