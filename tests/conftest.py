"""Shared fixtures: the site skeleton (front page, regions, index pages) built the same way
the importer and the demo data build it."""

from contextlib import contextmanager
from pathlib import Path

from django.core.cache import cache
from django.db import transaction

import pytest

from builder.importer import import_corpus, load_corpus_file
from builder.tree import ensure_home_page, ensure_index_page, ensure_region_page
from tests.factories import AudienceFactory, RegionFactory, TopicFactory

REGIONS = {
    "ahus": "Ahus",
    "innlandet": "Innlandet",
    "vestfold": "Vestfold",
    "ostfold": "Østfold",
    "oslo": "Oslo",
}


@pytest.fixture
def home_page(db):
    return ensure_home_page()


@pytest.fixture
def regions(home_page):
    """The five regions, each with its RegionPage."""
    result = {}
    for slug, name in REGIONS.items():
        result[slug] = RegionFactory(slug=slug, name=name)
        ensure_region_page(result[slug])
    return result


@pytest.fixture
def topics(db):
    return {
        "demens": TopicFactory(slug="demens", name="Demens"),
        "legemidler": TopicFactory(slug="legemidler", name="Legemidler"),
    }


@pytest.fixture
def audiences(db):
    return {"sykepleiere": AudienceFactory(slug="sykepleiere", name="Sykepleiere")}


@pytest.fixture
def index_for(home_page):
    """index_for("course") or index_for("news", region): the index page for that type."""
    return ensure_index_page


@contextmanager
def shared_state(django_db_blocker):
    """Build expensive content once for a whole module: it lives in a transaction that is
    rolled back afterwards, and each test (with ``db``) runs in a savepoint inside it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


DB_FIXTURES = {"db", "transactional_db", "live_server", "django_db_reset_sequences"}


@pytest.fixture(autouse=True)
def wagtail_baseline(request, django_db_setup, django_db_blocker):
    """Make sure the rows Wagtail's migrations create exist (locale, root page, root
    collection) before each test.

    Browser tests need committed data, so their database is flushed afterwards, and a flush
    also removes those rows; whichever test a worker runs next would find no locale.
    (pytest-django's serialized_rollback did not restore them reliably under xdist.)
    """
    from django.conf import settings

    from wagtail.models import Collection, Locale, Page

    if not request.node.get_closest_marker("django_db") and not (
        DB_FIXTURES & set(request.fixturenames)
    ):
        return  # a test without the database (an in-memory one may be gone already)
    with django_db_blocker.unblock():
        if Locale.objects.exists():
            return
        locale = Locale.objects.create(language_code=settings.LANGUAGE_CODE)
        if not Page.objects.filter(depth=1).exists():
            Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        if not Collection.objects.filter(depth=1).exists():
            Collection.add_root(name="Root")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache. Cached menu and footer fragments expire when a
    change is committed, and a test's changes are rolled back instead, so without this a
    test could see the fragments an earlier test cached."""
    cache.clear()
    yield
    cache.clear()


# The full sample corpus, imported once per test module and rolled back afterwards. Importing
# 230 items takes seconds (tens on PostgreSQL), so modules that use the real corpus share one
# import: the module fixture opens a transaction, the tests run in savepoints inside it
# (pytest-django's ``db``), and the transaction is rolled back when the module is done.
CORPUS_FILE = Path(__file__).resolve().parent / "data" / "corpus.json"


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
