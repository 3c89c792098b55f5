"""Which responses a shared cache (the front door's nginx, a CDN) may keep, said to it in
Cache-Control.

A response is shared only when nothing in it depends on who asks beyond what the front
door's cache key holds (host, path and so the language, the area, the query string): a GET of
a page, a feed or the search box's suggestions, for a visitor who is not logged in and has no
session, when rendering used no CSRF token and set no cookie, and the area it was made for is
the one the key names. Whatever does depend on the visitor is marked private and never stored.
"""

import re

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from regions.area import current_area

# Views whose answers are the same for every anonymous visitor: Wagtail's pages (with their
# sub-routes, e.g. a podcast's feed), the search box's suggestions, the news feeds, the
# organisations' pages. Not the search page: each search is counted for the editors' search
# statistics (search/querylog.py), which a cached answer would skip; the search API says
# no-store itself.
SHAREABLE_VIEWS = {
    "wagtail_serve",
    "search_autocomplete",
    "news_feed_rss",
    "news_feed_atom",
    "area_news_feed_rss",
    "area_news_feed_atom",
    "organisations",
    "organisation",
}
# The open API's URL namespace (openapi/router.py): its answers are the same for everyone, but
# publishing cannot purge them (any list or filter may show a page), so they are kept only as
# long as addresses with a query string.
BRIEFLY_SHAREABLE_NAMESPACES = {"api_v2"}
# What the front door takes for an area slug ($kb_area in deploy/nginx/kompetansebroen.conf).
PLAIN_SLUG = r"[a-z0-9-]*"


def key_area(request):
    """The area the front door's cache key names for this request, read as nginx reads it
    (its maps $kb_query_area and $kb_cookie_area): the first ``o=`` of the raw query string,
    else the last ``omrade=`` of the raw Cookie header. Django's own parsing differs in corner
    cases (case, encoding, repeats, spaces); comparing the two keeps a request that is read
    differently out of the cache instead of storing one area's page under another's key."""
    parameter = re.escape(settings.AREA_QUERY_PARAMETER)
    query = re.search(rf"(?:^|&){parameter}=([^&]*)", request.META.get("QUERY_STRING", ""))
    if query and query.group(1):
        return query.group(1)
    name = re.escape(settings.AREA_COOKIE_NAME)
    cookie = re.match(rf"^(?:.*;\s*)?{name}=([^;]*)", request.META.get("HTTP_COOKIE", ""))
    return cookie.group(1) if cookie else ""


def area_only_query(request):
    """True when the query string is empty or only names the area (?o=ahus): then the page
    is one cache entry per area, and purging its address reaches it."""
    parameter = re.escape(settings.AREA_QUERY_PARAMETER)
    return re.fullmatch(rf"({parameter}={PLAIN_SLUG})?", request.META.get("QUERY_STRING", ""))


def depends_on_visitor(request, response):
    """The response was made for this visitor: logged in, a session, a CSRF token, a cookie."""
    user = getattr(request, "user", None)
    return bool(
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or (user is not None and user.is_authenticated)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or response.cookies
    )


def area_matches_key(request):
    """The page was made for the area the cache key names (a plain slug, or none)."""
    named = key_area(request)
    if not re.fullmatch(PLAIN_SLUG, named):
        return False
    area = current_area(request)
    return (area.slug if area is not None else "") == named


def shared_cache_seconds(request, response):
    """How long a shared cache may keep ``response`` (0: not at all)."""
    if not (settings.PAGE_CACHE_SECONDS or settings.PAGE_CACHE_QUERY_SECONDS):
        return 0  # no front-door cache configured
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return 0
    if response.has_header("Cache-Control") or depends_on_visitor(request, response):
        return 0
    match = request.resolver_match
    briefly = match is not None and bool(BRIEFLY_SHAREABLE_NAMESPACES & set(match.namespaces))
    if match is None or not (briefly or match.url_name in SHAREABLE_VIEWS):
        return 0
    if not area_matches_key(request):
        return 0
    if briefly:
        return settings.PAGE_CACHE_QUERY_SECONDS
    # Purging reaches a page's address with and without ?o=; other query strings (filters,
    # pages of a list, suggestions) cannot be listed, so they are kept briefly instead.
    if area_only_query(request):
        return settings.PAGE_CACHE_SECONDS
    return settings.PAGE_CACHE_QUERY_SECONDS


class SharedCacheMiddleware:
    """Cache-Control for shared caches; above the session, CSRF and area middleware, so it
    sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        seconds = shared_cache_seconds(request, response)
        if seconds:
            # Browsers check again each time (max-age=0); the front door keeps it.
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        elif not response.has_header("Cache-Control") and depends_on_visitor(request, response):
            add_never_cache_headers(response)  # private, no-store: no shared cache keeps it
        return response
