"""With a search engine configured (OPENSEARCH_URL, ELASTICSEARCH_URL), each search test module
starts on empty indexes: the database rolls each test back, the engine keeps what was written.
The backend creates them again, with our analysis, on the first write."""

from django.conf import settings

import pytest
from modelsearch.backends import get_search_backend

from search.backends.engines import forget_prepared_indexes


@pytest.fixture(scope="module", autouse=True)
def empty_engine_indexes():
    prefix = settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX")
    if prefix:
        get_search_backend().es.indices.delete(index=f"{prefix}*")
        forget_prepared_indexes()
    yield
