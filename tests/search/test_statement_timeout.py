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
    # The same guard with a short limit for this transaction only, so the test stays fast.
    started = time.perf_counter()
    with (
        pytest.raises(OperationalError, match="statement timeout"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL statement_timeout = 500")
        cursor.execute("SELECT pg_sleep(10)")
    assert time.perf_counter() - started < 5


def test_a_timeout_that_is_not_a_number_stops_start_up(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from kompetansebroen.settings import env

    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT", "fem sekunder")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_STATEMENT_TIMEOUT must be a whole"):
        env.whole_number("DATABASE_STATEMENT_TIMEOUT", 5000)
