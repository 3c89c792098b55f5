"""PostgreSQL cancels a statement that runs past DATABASE_STATEMENT_TIMEOUT (settings), so one
slow search cannot hold a worker for seconds."""

import time

from django.conf import settings
from django.db import OperationalError, connection, transaction

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip(f"statement_timeout is PostgreSQL only; this run uses {connection.vendor}")


def test_connections_carry_the_configured_timeout(postgres):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('statement_timeout')")
        (value,) = cursor.fetchone()
    expected = settings.DATABASE_STATEMENT_TIMEOUT
    assert expected > 0
    # PostgreSQL shows whole seconds as "2s" and other values in milliseconds ("2500ms").
    assert value in (f"{expected}ms", f"{expected // 1000}s")


def test_a_slow_statement_is_cut_off(postgres):
    limit = settings.DATABASE_STATEMENT_TIMEOUT / 1000
    started = time.perf_counter()
    with (
        pytest.raises(OperationalError, match="statement timeout"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_sleep(%s)", [limit + 5])
    assert time.perf_counter() - started < limit + 3
