"""Cached menu and footer (and when they expire), the editor's accessibility checker, and
assets served by the site itself."""

import re

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def footer_links(client, path="/"):
    page = BeautifulSoup(client.get(path).content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".site-footer__links a")]


def query_count(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_menu_and_footer_come_from_the_cache_after_the_first_request(client, home_page):
    first = query_count(client, "/")
    second = query_count(client, "/")
    assert second < first


def test_footer_changes_once_site_settings_changes_are_committed(
    client, home_page, django_capture_on_commit_callbacks
):
    assert footer_links(client) == []
    page = home_page.add_child(instance=StandardPage(title="Personvern", slug="personvern"))
    page.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=False) as expiries:
        site_settings.privacy_page = page
        site_settings.save()
    # Until the change is committed the cached footer stands: a request during the
    # transaction must not cache the old state under the new version.
    assert footer_links(client) == []
    for expire in expiries:
        expire()
    assert footer_links(client) == ["Personvernerklæring"]


def test_menu_follows_a_published_index_page(
    client, home_page, index_for, django_capture_on_commit_callbacks
):
    def menu_href(label):
        page = BeautifulSoup(client.get("/").content, "html.parser")
        return {a.get_text(strip=True): a["href"] for a in page.select(".main-nav a")}[label]

    courses = index_for("course")
    assert menu_href("E-kurs") == "/e-kurs/"  # cached
    courses.slug = "kurs-pa-nett"
    with django_capture_on_commit_callbacks(execute=True):
        courses.save_revision().publish()  # publishing expires the cached menu on commit
    assert menu_href("E-kurs") == "/kurs-pa-nett/"


def test_editors_get_wagtails_accessibility_checker_in_the_userbar(client, admin_user, home_page):
    client.force_login(admin_user)
    html = client.get("/").content.decode()
    assert "<wagtail-userbar" in html
    assert "w-userbar-axe-configuration" in html or "axe" in html
    assert '"heading-order"' in html and '"alt-text-quality"' in html


def test_visitors_get_no_userbar(client, home_page):
    assert "<wagtail-userbar" not in client.get("/").content.decode()


def test_pages_load_nothing_from_other_hosts(client, home_page):
    """No CDN, web fonts or third-party scripts: every asset is served by the site."""
    html = client.get("/").content.decode()
    page = BeautifulSoup(html, "html.parser")
    sources = [tag.get("src") for tag in page.find_all(["script", "img"]) if tag.get("src")]
    sources += [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert sources and all(src.startswith(settings.STATIC_URL) for src in sources), sources
    css = (settings.PROJECT_DIR / "static" / "css" / "site.css").read_text()
    vendor = (settings.PROJECT_DIR / "static" / "vendor" / "designsystemet.css").read_text()
    assert not re.search(r"url\((?!\"?data:)", css + vendor)
    assert "@import" not in css + vendor


def test_designsystemet_is_vendored_and_linked_before_the_site_css(client, home_page):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert sheets == ["/static/vendor/designsystemet.css", "/static/css/site.css"]
    vendor = (settings.PROJECT_DIR / "static" / "vendor" / "designsystemet.css").read_text()
    assert vendor.startswith("/* @digdir/designsystemet-css")
    assert ".ds-button" in vendor and ".ds-card" in vendor


def test_fragments_live_long_only_with_a_shared_cache(monkeypatch):
    """A per-process memory cache can't be expired across processes: keep fragments short."""
    import importlib

    from kompetansebroen.settings import base

    monkeypatch.delenv("REDIS_URL", raising=False)
    assert importlib.reload(base).FRAGMENT_CACHE_SECONDS == 60
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert importlib.reload(base).FRAGMENT_CACHE_SECONDS == 24 * 60 * 60
    monkeypatch.delenv("REDIS_URL")
    importlib.reload(base)
