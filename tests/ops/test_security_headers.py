"""The security headers on real responses (Django's test client), the admin's own CSP, the
embeddable video services, the 404 page's language links and nothing asked of other sites.
Whether pages actually run under the CSP is tests/browser/test_csp.py's job."""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

from wagtail.embeds.finders import get_finders

import pytest
from bs4 import BeautifulSoup

from kompetansebroen.settings.security import site_policy


def directives(response):
    """{"script-src": ["'self'"], …} from a response's Content-Security-Policy."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def assets_from_other_sites(response):
    """The addresses of scripts, styles, images and frames a browser would fetch elsewhere."""
    soup = BeautifulSoup(response.content, "html.parser")
    addresses = [tag.get("src") for tag in soup.find_all(["script", "img", "iframe", "source"])]
    fetched = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
    addresses += [
        tag.get("href") for tag in soup.find_all("link") if fetched & set(tag.get("rel") or [])
    ]
    return [url for url in addresses if url and urlsplit(url).netloc not in ("", "testserver")]


@pytest.mark.django_db
def test_pages_send_a_strict_csp_and_the_other_security_headers(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src", "font-src", "connect-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert set(policy["frame-src"]) == {
        "'self'",  # the SCORM player's package
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }
    assert response["Permissions-Policy"].startswith("accelerometer=(), camera=(),")
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_static_and_media_files_on_other_hosts_are_allowed_where_they_load():
    policy = site_policy("https://cdn.example/static/", "https://files.example/media/")[
        "DIRECTIVES"
    ]
    for directive in ("script-src", "style-src", "font-src"):
        assert policy[directive] == ["'self'", "https://cdn.example"], directive
    assert policy["img-src"] == ["'self'", "https://cdn.example", "https://files.example", "data:"]
    assert policy["media-src"] == ["'self'", "https://files.example", "https:"]
    assert policy["connect-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_for_wagtails_inline_scripts(client, admin_user):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    assert directives(login)["script-src"] == ["'self'"]  # the login page needs no more

    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "blob:" in policy["img-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # its own preview panel
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_500_page_may_use_its_own_style_block_and_nothing_more(client, settings):
    settings.ROOT_URLCONF = "tests.ops.error_page_urls"
    client.raise_request_exception = False

    response = client.get("/feil/")

    assert response.status_code == 500
    assert b"<style>" in response.content
    policy = directives(response)
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_the_django_admin_is_gone(client, home_page):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_editors_can_embed_only_what_the_csp_lets_play(settings):
    (finder,) = get_finders()
    assert finder.accept("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert finder.accept("https://youtu.be/dQw4w9WgXcQ")
    assert finder.accept("https://vimeo.com/76979871")
    assert not finder.accept("https://soundcloud.com/kompetansebroen/episode-1")
    assert not finder.accept("https://twitter.com/kompetansebroen/status/1")
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    assert {"https://www.youtube.com", "https://player.vimeo.com"} <= set(frame_src)


@pytest.mark.django_db
def test_a_path_that_looks_like_a_host_gives_no_links_to_it(client, home_page):
    """GET //evil.example/ (a 404): the language links are built from what the path resolves
    to, never from the path, so none of them is //evil.example/nn/."""
    for path in ("//evil.example/", "//evil.example/finnes-ikke/", "/\\evil.example/"):
        # The test client would read the host out of the path itself; a server does not.
        response = client.get("/", PATH_INFO=path)
        assert response.status_code == 404, path
        links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").find_all("a")]
        assert links, path
        assert not [href for href in links if "evil.example" in href], path
        assert not [href for href in links if href.startswith(("//", "/\\"))], path


@pytest.mark.django_db
def test_pages_without_a_page_keep_their_language_links(client, home_page):
    response = client.get("/sok/", {"q": "demens"})

    soup = BeautifulSoup(response.content, "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select(".language-switcher a[lang]")}
    assert links["nn"] == "/nn/sok/?q=demens"
    assert links["en"] == "/en/sok/?q=demens"


@pytest.mark.django_db
def test_the_admin_asks_no_other_site_for_anything(client, home_page, settings):
    admin = get_user_model().objects.create_superuser(
        "redaktor", "redaktor@ahus.no", "et-langt-nok-passord"
    )
    client.force_login(admin)

    for path in ("/admin/", "/admin/account/", f"/admin/pages/{home_page.pk}/edit/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"gravatar" not in response.content.lower(), path
        assert assets_from_other_sites(response) == [], path
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    # Nor does the dashboard's script ask releases.wagtail.org for the latest version.
    assert b'data-controller="w-upgrade' not in client.get("/admin/").content

    response = client.get("/")  # the site, with the editor's userbar
    assert assets_from_other_sites(response) == []
