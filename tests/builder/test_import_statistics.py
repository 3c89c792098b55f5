"""After an import PostgreSQL's planner knows how many rows the tables hold (ANALYZE), so
listings are planned for the content that is there, not for the empty tables before it."""

from django.db import connection

import pytest

from builder.importer import import_corpus
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def planner_rows(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def test_an_import_leaves_the_planner_statistics_up_to_date(corpus):
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's; this run uses " + connection.vendor)
    table = ResourcePage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")  # as autovacuum may have left it: empty
    assert planner_rows(table) <= 0

    import_corpus(corpus)

    assert planner_rows(table) == ResourcePage.objects.count() > 0
