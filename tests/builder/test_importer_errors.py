"""The importer rejects a bad file with one readable line and writes nothing (also from the
command line, with a non-zero exit)."""

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from wagtail.models import Page

import pytest

from builder.importer import CorpusError, load_corpus_file
from regions.models import Region
from tests.builder.conftest import _write

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def _break_last_item(corpus, **changes):
    item = corpus["items"][-1]
    for key, value in changes.items():
        if value is ...:
            del item[key]
        else:
            item[key] = value
    return corpus


BROKEN = {
    "unknown topic": (
        lambda c: _break_last_item(c, topics=["xyz"]),
        "item 'project-001' field 'topics': unknown topic 'xyz'",
    ),
    "missing title": (
        lambda c: _break_last_item(c, title=...),
        "item 'project-001' field 'title': missing required field",
    ),
    "bad date": (
        lambda c: _break_last_item(c, published="2024-13-01"),
        "item 'project-001' field 'published': expected a date YYYY-MM-DD",
    ),
    "wrong type": (
        lambda c: _break_last_item(c, type="course", duration_minutes="abc"),
        "item 'project-001' field 'duration_minutes': expected a whole number, got \"abc\"",
    ),
    "unknown region": (
        lambda c: _break_last_item(c, region="finnmark"),
        "item 'project-001' field 'region': unknown region 'finnmark'",
    ),
    "unknown type": (
        lambda c: _break_last_item(c, type="webinar"),
        "item 'project-001' field 'type': unknown item type \"webinar\"",
    ),
    "duplicate id": (
        lambda c: _break_last_item(c, id="course-001"),
        "item 'course-001' field 'id': duplicate id",
    ),
    "wrong format string": (
        lambda c: {**c, "format": "kompetansebro-corpus/2"},
        "field 'format': expected 'kompetansebro-corpus/1'",
    ),
    "missing format string": (
        lambda c: {key: value for key, value in c.items() if key != "format"},
        "field 'format': missing required field",
    ),
    "not JSON": (lambda c: json.dumps(c)[:-40], "not valid JSON: "),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_file_is_rejected_with_one_line_and_nothing_written(tmp_path, corpus, case):
    breaker, expected = BROKEN[case]
    path = _write(tmp_path, breaker(corpus))
    pages, regions = Page.objects.count(), Region.objects.count()

    with pytest.raises(CommandError) as raised:
        call_command("import_corpus", str(path), stdout=io.StringIO())

    message = str(raised.value)
    assert message.startswith("corpus.json: ")
    assert expected in message
    assert "\n" not in message
    assert (Page.objects.count(), Region.objects.count()) == (pages, regions)


def test_not_json_names_line_and_column(tmp_path):
    path = _write(tmp_path, '{"format": "kompetansebro-corpus/1",\n  "items": [}')

    with pytest.raises(CorpusError, match=r"not valid JSON: .* at line 2 column 13"):
        load_corpus_file(path)


def test_missing_file_is_a_readable_error(tmp_path):
    with pytest.raises(CommandError, match="nope.json: file not found"):
        call_command("import_corpus", str(tmp_path / "nope.json"))


def _migrated_sqlite_file(path, env, manage):
    """A migrated SQLite database file for a subprocess: a copy of the (already migrated)
    test database when it is SQLite, which is much faster than running migrate again."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
    else:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=REPO)


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="runs in the SQLite suite: the command's exit code does not depend on the database, "
    "and a fresh PostgreSQL-side migrate for the subprocess would take half a minute",
)
def test_command_exits_non_zero_with_one_stderr_line(tmp_path, corpus):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kompetansebroen.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    manage = [sys.executable, str(REPO / "manage.py")]
    _migrated_sqlite_file(database, env, manage)
    bad = _write(tmp_path, _break_last_item(corpus, topics=["xyz"]), name="bad.json")

    result = subprocess.run(
        [*manage, "import_corpus", str(bad)], env=env, cwd=REPO, capture_output=True, text=True
    )

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "CommandError: bad.json: item 'project-001' field 'topics': unknown topic 'xyz'"
    ]
    assert "Importing" not in result.stdout
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT COUNT(*) FROM home_region").fetchone() == (0,)
