"""Finding the page a redirect goes to: by its address on a site, its page id, or the id of
the corpus item it was imported from (ResourcePage.source_id)."""

import re
from urllib.parse import unquote, urlsplit

from django.conf import settings

from wagtail.models import Page, Site

from regions.locales import default_locale, locale_for
from resources.models import ResourcePage

SOURCE_PREFIX = "source:"


def _prefixed_languages():
    """Language codes that have a URL prefix (/nn/, /en/): all but the default."""
    return {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}


def page_at(path, site):
    """The page (live or not) whose own address on ``site`` is ``path`` (no query string), or
    None. Only pages themselves, not the routes a page answers below it (/aktuelt/page/2/)."""
    segments = [segment for segment in unquote(path).split("/") if segment]
    root = site.root_page
    if segments and segments[0] in _prefixed_languages():
        locale = locale_for(segments.pop(0))
        root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
    url_path = root.url_path + "".join(f"{segment}/" for segment in segments)
    return Page.objects.filter(url_path=url_path, path__startswith=root.path).first()


def is_own_address(path, page, site):
    """True when ``path`` (an old path) is where ``page`` itself answers on ``site``: a
    redirect from there would send a visitor back to the same address (a loop once the page
    is unpublished)."""
    if "?" in path:
        return False
    found = page_at(path, site)
    return found is not None and found.pk == page.pk


def _site_for_host(host, site):
    if host == site.hostname:
        return site
    other = Site.objects.filter(hostname=host).select_related("root_page").first()
    if other is None:
        raise ValueError(f"no site of ours has the host name {host!r}")
    return other


def find_target(text, site):
    """The page ``text`` names: a number is a page id; a path (/fagartikler/x/) or a URL of
    one of our sites is a page's address; anything else (or after "source:") is the id of a
    corpus item. ValueError with a reason if there is no such published page."""
    text = text.strip()
    if not text:
        raise ValueError("no target page given")
    if text.isascii() and text.isdigit():
        page = Page.objects.filter(pk=int(text), depth__gt=1).first()
        if page is None:
            raise ValueError(f"no page with id {text}")
    elif text.startswith("/") or re.match(r"https?://", text):
        parts = urlsplit(text)
        if parts.query or parts.fragment:
            raise ValueError(f"a redirect to a page cannot carry a query or #fragment: {text!r}")
        page_site = _site_for_host(parts.hostname, site) if parts.netloc else site
        page = page_at(parts.path or "/", page_site)
        if page is None:
            raise ValueError(f"no page at {text!r}")
    else:
        source_id = text.removeprefix(SOURCE_PREFIX)
        # The oldest page wins, as in the importer: a copy keeps its original's source id.
        page = (
            ResourcePage.objects.filter(source_id=source_id, locale=default_locale())
            .order_by("pk")
            .first()
        )
        if page is None:
            raise ValueError(f"no imported page with the item id {source_id!r}")
    if not page.live:
        raise ValueError(f"page {page.title!r} (id {page.pk}) is not published")
    return page
