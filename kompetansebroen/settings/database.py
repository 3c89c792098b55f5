"""Builds the default database's settings from DATABASE_URL (SQLite file by default).

A kept connection (``conn_max_age`` seconds) is tested before a request uses it
(CONN_HEALTH_CHECKS), so a PostgreSQL restart costs only the requests that were running at that
moment. PostgreSQL also gets a connect timeout, so with the database down visitors get the
static error page (templates/500.html) after seconds, not after the system's minutes, and a
statement timeout, so one slow query cannot hold a worker (0: never; for long maintenance such as
migrate on a large database or a bulk import).
"""

import dj_database_url

POSTGRESQL = "django.db.backends.postgresql"


def database_settings(url, conn_max_age=60, statement_timeout_ms=5000, connect_timeout=3):
    database = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if database["ENGINE"] == POSTGRESQL:
        database.setdefault("OPTIONS", {}).update(
            options=f"-c statement_timeout={statement_timeout_ms}",
            connect_timeout=connect_timeout,
        )
    return database
