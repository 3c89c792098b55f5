"""The request's Wagtail Site, with its front page, from the cache.

For every request Wagtail finds the site (a query), then the front page in the visitor's
language (a locale query) and as its own page type (another query) before it routes the URL.
Sites change only when an administrator edits them, and the front page only when a page is
published, unpublished, moved or deleted, so ``CachedSiteMiddleware`` hands Wagtail the site
from the cache (regions/cached.py) with its front page as a HomePage, and the front page gives
itself for the visitor's language from the cached locales (HomePage.localized).
"""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port

from wagtail.models import Site

from regions.cached import forget, keep, remembered

CACHE_KEY = "kb:sites"
# The host name is the client's to choose: only so many are remembered.
MAX_HOSTS = 20
# Paths that are not the site's pages (the admin finds its sites itself).
SKIPPED_PATHS = ("/admin/", "/django-admin/")


def _site_for(request):
    """Wagtail's site for the request (its own matching, one query), with the front page as
    its specific page."""
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


def cached_site(request):
    """The Site Wagtail would find for ``request``, from the cache when it has been found
    before (None for a host name that is not allowed)."""
    try:
        hostname = split_domain_port(request.get_host())[0]
    except DisallowedHost:
        return None
    key = (hostname, request.get_port())
    sites = remembered(CACHE_KEY, dict)
    if key in sites:
        return sites[key]
    site = _site_for(request)
    if len(sites) < MAX_HOSTS:
        keep(CACHE_KEY, {**sites, key: site})
    return site


def forget_sites(**kwargs):
    """Signal receiver: a site, or a page (the front page among them), changed."""
    forget(CACHE_KEY)


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(SKIPPED_PATHS):
            site = cached_site(request)
            if site is not None:
                request._wagtail_site = site  # where Site.find_for_request() keeps it
        return self.get_response(request)
