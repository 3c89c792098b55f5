"""Production unless told otherwise, and production refuses what is unsafe.

The settings are loaded in a fresh interpreter (manage.py, as cron and operators run it) with
a crafted environment and no DJANGO_SETTINGS_MODULE, so each test also shows that the default
is production. Refusals happen while the settings load, before any app, so they are quick.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

import pytest

from builder.demo.content import DEFAULT_ADMIN_PASSWORD, DemoSummary, ensure_admin_user
from builder.demo.editors import create_demo_editors

REPO = Path(__file__).resolve().parents[2]
CONSOLE = "django.core.mail.backends.console.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def safe_environment(tmp_path):
    """Everything production needs, and nothing from the test run's own environment."""
    return {
        "PATH": os.environ["PATH"],
        "PYTHONDONTWRITEBYTECODE": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "EMAIL_HOST": "smtp.kompetansebroen.example",
        "WAGTAILADMIN_BASE_URL": "https://kompetansebroen.example",
        "ALLOWED_HOSTS": "kompetansebroen.example",
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"DEBUG": "true"}, "DEBUG"),
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": secrets.token_urlsafe(30)}, "SECRET_KEY"),  # 40 characters
        ({"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(50)}, "SECRET_KEY"),
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"EMAIL_BACKEND": CONSOLE}, "EMAIL_BACKEND"),
        ({"EMAIL_BACKEND": LOCMEM}, "EMAIL_BACKEND"),
        ({"EMAIL_HOST": None}, "EMAIL_HOST"),
        ({"WAGTAILADMIN_BASE_URL": None}, "WAGTAILADMIN_BASE_URL"),
    ],
    ids=[
        "debug",
        "no-key",
        "short-key",
        "insecure-key",
        "no-database",
        "console-mail",
        "locmem-mail",
        "no-smtp-host",
        "no-admin-url",
    ],
)
def test_production_refuses_an_unsafe_value_in_one_line(tmp_path, change, named):
    env = safe_environment(tmp_path)
    for name, value in change.items():
        if value is None:
            del env[name]
        else:
            env[name] = value

    result = manage(env, "check")

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kompetansebroen.settings.production (the default")
    assert named in lines[0]
    assert not (tmp_path / "production.sqlite3").exists()


def test_the_wsgi_entry_point_defaults_to_production():
    """gunicorn kompetansebroen.wsgi with no environment: production's refusal, not a dev site."""
    result = subprocess.run(
        [sys.executable, "-c", "import kompetansebroen.wsgi"],
        cwd=REPO,
        env={"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line == (
        "django.core.exceptions.ImproperlyConfigured: "
        "The environment variable SECRET_KEY must be set in production."
    )


# Loading the apps takes seconds, so one interpreter does all three: the WSGI application
# loads (production by default), `check --deploy` has nothing to say even at WARNING, and
# load_demo_data refuses (a CommandError is what manage.py prints as one line, exit status 1).
SAFE_RUN = """
from kompetansebroen.wsgi import application
from django.conf import settings
from django.core.management import CommandError, call_command

print(settings.SETTINGS_MODULE)
call_command("check", deploy=True, fail_level="WARNING")
try:
    call_command("load_demo_data")
except CommandError as error:
    print(f"refused: {error}")
"""


def test_a_safe_environment_runs_production_passes_check_deploy_and_refuses_demo_data(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SAFE_RUN],
        cwd=REPO,
        env=safe_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert result.returncode == 0, result.stderr
    module, check, refusal = result.stdout.strip().splitlines()
    assert module == "kompetansebroen.settings.production"
    assert check.startswith("System check identified no issues")
    assert refusal.startswith("refused: Demo data is for development and trial runs only")
    assert not (tmp_path / "production.sqlite3").exists()  # nothing written, not even a file


@pytest.mark.django_db
def test_demo_accounts_log_in_only_with_development_settings(client, settings, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    ensure_admin_user(DemoSummary())
    Group.objects.create(name="ahus-editors")
    assert create_demo_editors(DEFAULT_ADMIN_PASSWORD) == ["redaktor-ahus"]
    assert client.login(username="admin", password=DEFAULT_ADMIN_PASSWORD)
    assert client.get("/admin/").status_code == 200

    settings.DEMO_CONTENT_ALLOWED = False
    # The running session ends, and neither the admin's form nor authenticate() lets it in.
    assert client.get("/admin/").status_code == 302
    response = client.post(
        "/admin/login/", {"username": "admin", "password": DEFAULT_ADMIN_PASSWORD}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert authenticate(username="admin", password=DEFAULT_ADMIN_PASSWORD) is None
    assert authenticate(username="redaktor-ahus", password=DEFAULT_ADMIN_PASSWORD) is None


@pytest.mark.django_db
def test_real_accounts_still_log_in_where_demo_accounts_cannot(django_user_model, settings):
    settings.DEMO_CONTENT_ALLOWED = False
    django_user_model.objects.create_user(
        "kari", "kari@ahus.no", "et-langt-nok-passord", is_staff=True
    )
    assert authenticate(username="kari", password="et-langt-nok-passord") is not None


def test_passwords_need_at_least_twelve_characters():
    with pytest.raises(ValidationError, match="minst 12 tegn|at least 12 characters"):
        validate_password("Fjordhest29")  # 11
    validate_password("Fjordhest29!")  # 12
