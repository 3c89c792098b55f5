"""The full sample corpus, imported once per test module and rolled back afterwards.

Importing 230 items takes seconds (tens on PostgreSQL), so modules that search the real corpus
share one import: the module fixture opens a transaction, the tests run in savepoints inside it
(pytest-django's ``db``), and the transaction is rolled back when the module is done.
"""

from pathlib import Path

from django.core.cache import cache
from django.db import transaction

import pytest

from resources.importer import import_corpus, load_corpus_file

CORPUS_FILE = Path(__file__).resolve().parents[1] / "data" / "corpus.json"


@pytest.fixture(scope="module", autouse=True)
def empty_engine_indexes():
    """With a search engine configured (OPENSEARCH_URL, ELASTICSEARCH_URL), each test module
    starts on empty indexes: the database rolls each test back, the engine keeps what was
    written. The backend creates them again, with our analysis, on the first write."""
    from django.conf import settings

    prefix = settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX")
    if prefix:
        from modelsearch.backends import get_search_backend

        from search.backends.engines import forget_prepared_indexes

        get_search_backend().es.indices.delete(index=f"{prefix}*")
        forget_prepared_indexes()
    yield


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cache.clear()
            import_corpus(load_corpus_file(CORPUS_FILE))
            yield CORPUS_FILE
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def corpus_db(corpus, db):
    """The imported corpus, for one test (changes the test makes are rolled back)."""
    cache.clear()
    return corpus
