"""Shared fixtures: the site skeleton (front page, regions, index pages) built the same way
the importer and the demo data build it."""

from contextlib import contextmanager
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.test import TransactionTestCase

import pytest

from builder.importer import import_corpus, load_corpus_file
from builder.tree import ensure_home_page, ensure_index_page, ensure_region_page
from regions.models import Region
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


def build_regions():
    result = {}
    for slug, name in REGIONS.items():
        result[slug] = RegionFactory(slug=slug, name=name)
        ensure_region_page(result[slug])
    return result


@pytest.fixture
def regions(request, home_page):
    """The five regions, each with its RegionPage, its sections and its editorial team.

    Building them is most of a test's set-up (about 50 pages, groups, permissions and
    workflows), so in a module where every test can share it (``shared_skeleton``) they are
    built once for the module and each test gets fresh instances of the same rows."""
    if request.getfixturevalue("shared_skeleton"):
        return {slug: Region.objects.get(slug=slug) for slug in REGIONS}
    return build_regions()


SHARED_MODULES = pytest.StashKey()
# A test with these cannot run inside the module's open transaction.
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def pytest_collection_modifyitems(config, items):
    """The modules whose tests may share one skeleton: some test uses ``regions``, and none
    commits (live server, transactional database, a Django TestCase class) or imports the
    corpus (which builds its own regions)."""
    uses, excluded = set(), set()
    for item in items:
        module = getattr(item, "module", None)
        if module is None:
            continue
        names = set(getattr(item, "fixturenames", ()))
        marker = item.get_closest_marker("django_db")
        if (
            names & TRANSACTIONAL_FIXTURES
            or (marker is not None and marker.kwargs.get("transaction"))
            or getattr(item, "cls", None) is not None
            and issubclass(item.cls, TransactionTestCase)
            or "corpus" in names
        ):
            excluded.add(module.__name__)
        elif "regions" in names:
            uses.add(module.__name__)
    config.stash[SHARED_MODULES] = uses - excluded


@pytest.fixture(scope="module", autouse=True)
def shared_skeleton(request, django_db_blocker):
    """True in a module whose tests share the regions: they are built in a transaction that
    stays open for the module (each test runs in a savepoint inside it, as with ``db``) and
    is rolled back at its end, so nothing outlives the module."""
    if request.module.__name__ not in request.config.stash.get(SHARED_MODULES, set()):
        yield False
        return
    request.getfixturevalue("django_db_setup")
    with shared_state(django_db_blocker):
        ensure_wagtail_baseline()
        ensure_home_page()
        build_regions()
        yield True


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
    if not request.node.get_closest_marker("django_db") and not (
        DB_FIXTURES & set(request.fixturenames)
    ):
        return  # a test without the database (an in-memory one may be gone already)
    with django_db_blocker.unblock():
        ensure_wagtail_baseline()


def ensure_wagtail_baseline():
    from django.conf import settings

    from wagtail.models import Collection, Locale, Page

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
