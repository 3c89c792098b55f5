"""Signing in to the admin: wrong passwords lock the sign-in (django-axes, through Wagtail's
own login view), and moderators and administrators need a second factor (TOTP)."""

import hashlib
import hmac
import time
from base64 import b32decode

from django.contrib.auth.models import Group

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.permissions import ensure_group
from kompetansebroen.settings import base as base_settings

pytestmark = pytest.mark.django_db

PASSWORD = "et-riktig-passord-2026"  # noqa: S105
PRODUCTION_BACKENDS = base_settings.AUTHENTICATION_BACKENDS
LOCKED = "Innloggingen er sperret etter for mange mislykkede forsøk"


@pytest.fixture
def axes_on(settings):
    """django-axes on, and first among the backends, as in production (base.py)."""
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = PRODUCTION_BACKENDS


@pytest.fixture
def editor_user(django_user_model):
    """A user who can enter the admin, by username."""

    def make(username, *groups):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        for name in groups or ("ahus-editors",):
            user.groups.add(ensure_group(name))
        return user

    return make


def sign_in(client, username, password, **headers):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **headers
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_eleventh_attempt_is_refused_with_a_message_even_with_the_right_password(
    client, editor_user, axes_on
):
    editor_user("ida")
    for _attempt in range(9):
        response = sign_in(client, "ida", "feil-passord")
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()
    tenth = sign_in(client, "ida", "feil-passord")
    assert tenth.status_code == 429
    for password in ("feil-passord", PASSWORD):  # the 11th attempt, wrong or right
        response = sign_in(client, "ida", password)
        assert response.status_code == 429
        soup = BeautifulSoup(response.content, "html.parser")
        assert LOCKED in soup.select_one("[role=alert]").get_text()
        assert "15 minutter" in soup.select_one("[role=alert]").get_text()
        # Wagtail's own sign-in page, ready for a later attempt.
        assert soup.select_one("form.login-form")["action"] == "/admin/login/"
        assert soup.select_one("input[name=password]") is not None
    assert not signed_in(client)


def test_a_successful_sign_in_resets_the_count(client, editor_user, axes_on, settings):
    settings.AXES_FAILURE_LIMIT = 3  # fewer requests; the rule is the same as with 10
    editor_user("ida")
    for _round in range(3):  # 6 failures in all, never 3 in a row
        for _attempt in range(2):
            assert sign_in(client, "ida", "feil-passord").status_code == 200
        assert sign_in(client, "ida", PASSWORD).status_code == 302
        assert signed_in(client)
        client.post("/admin/logout/")
    assert not AccessAttempt.objects.filter(username="ida").exists()


def test_behind_a_proxy_the_forwarded_address_is_locked_only_when_configured(
    client, editor_user, axes_on, settings
):
    """Behind nginx every request comes from 127.0.0.1: with TRUSTED_PROXY_COUNT the client's
    own address (X-Forwarded-For) is counted, so one client's failures lock only that client."""
    settings.AXES_FAILURE_LIMIT = 3  # fewer requests; the rule is the same as with 10
    editor_user("ida")
    editor_user("nils")
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(3):
        sign_in(client, "nobody", "gjetning", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}
    attacker = sign_in(client, "ida", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert attacker.status_code == 429
    colleague = sign_in(client, "nils", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert colleague.status_code == 302

    # Without the setting the header is not trusted: a client cannot dodge the lock by writing
    # a new address into every request.
    client.post("/admin/logout/")
    AccessAttempt.objects.all().delete()
    settings.TRUSTED_PROXY_COUNT = 0
    for attempt in range(3):
        sign_in(client, "nobody", "gjetning", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}", **proxy)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    assert sign_in(client, "ida", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def totp(key, at):
    """The six-digit code an authenticator app shows at time ``at`` (RFC 6238, SHA-1, 30 s)."""
    digest = hmac.new(key, int(at // 30).to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def test_a_moderator_must_set_up_and_enter_a_code_before_the_admin(client, editor_user, settings):
    settings.TWO_FACTOR_ENFORCED = True
    # django-otp makes a user wait a second after a wrong code; the test does not wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    moderator = editor_user("magnus", "ahus-moderators")
    client.force_login(moderator)
    for address in ("/admin/", "/admin/pages/", "/admin/account/"):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith("/admin/totrinn/?next=")

    setup = client.get("/admin/totrinn/?next=/admin/pages/")
    assert setup.status_code == 200
    soup = BeautifulSoup(setup.content, "html.parser")
    assert soup.select_one(".two-factor-qr svg path") is not None  # drawn here, no image service
    assert not soup.select(".two-factor-qr img")
    secret = soup.select_one(".two-factor-secret").get_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    assert key == TOTPDevice.objects.get(user=moderator).bin_key

    wrong = client.post("/admin/totrinn/", {"code": "000000", "next": "/admin/pages/"})
    if totp(key, time.time()) != "000000":
        assert "Koden stemmer ikke" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    done = client.post("/admin/totrinn/", {"code": totp(key, time.time()), "next": "/admin/pages/"})
    assert done.status_code == 302 and done.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=moderator).confirmed

    # Next sign-in: the code is asked for again (the next one the app shows: a code is used once).
    client.post("/admin/logout/")
    client.force_login(moderator)
    response = client.get("/admin/account/")
    assert response.status_code == 302 and response.url.startswith("/admin/totrinn/kode/?next=")
    assert client.get("/admin/totrinn/").url.startswith("/admin/totrinn/kode/")  # no new secret
    verified = client.post(
        "/admin/totrinn/kode/", {"code": totp(key, time.time() + 30), "next": "/admin/account/"}
    )
    assert verified.status_code == 302 and verified.url == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200
    client.post("/admin/totrinn/slett/")  # a moderator cannot turn it off
    assert TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()


def key_on_setup_page(client):
    soup = BeautifulSoup(client.get("/admin/totrinn/").content, "html.parser")
    secret = soup.select_one(".two-factor-secret").get_text().replace(" ", "")
    return b32decode(secret + "=" * (-len(secret) % 8))


def test_an_editor_may_turn_the_second_factor_on_and_off(client, editor_user, settings):
    settings.TWO_FACTOR_ENFORCED = True
    editor = editor_user("ida")
    client.force_login(editor)
    key = key_on_setup_page(client)
    assert client.post("/admin/totrinn/", {"code": totp(key, time.time())}).status_code == 302
    client.post("/admin/logout/")
    client.force_login(editor)
    assert client.get("/admin/").url.startswith("/admin/totrinn/kode/")  # asked from now on
    client.post("/admin/totrinn/kode/", {"code": totp(key, time.time() + 30)})
    assert client.post("/admin/totrinn/slett/").url == "/admin/account/"
    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.post("/admin/logout/")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("enforced", [True, False])
def test_who_is_stopped_at_the_second_factor(
    client, editor_user, django_user_model, settings, enforced
):
    """Enforced (production): administrators are stopped, ordinary editors are not. Off (the
    default of the test and development settings): nobody is, so demo users and the admin
    tests sign in with a password alone."""
    settings.TWO_FACTOR_ENFORCED = enforced
    editor = editor_user("ida", "ahus-editors")
    admin = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    wagtail_moderator = editor_user("mona")
    wagtail_moderator.groups.add(Group.objects.get(name="Moderators"))
    expected = {
        editor: 200,
        admin: 302 if enforced else 200,
        wagtail_moderator: 302 if enforced else 200,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get("/admin/").status_code == status, user.username
