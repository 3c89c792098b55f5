"""Sending addresses to the front door's cache to forget, through Wagtail's frontend-cache
mechanism (settings.WAGTAILFRONTENDCACHE: nginx's purge server, a CDN), once the change that
caused it is committed: a request between the purge and the commit would cache the old page.

The front door keeps one copy of a page per area (the ``omrade`` cookie, or ``?o=``: the same
entry, deploy/nginx/kompetansebroen.conf), and nginx's purge module removes exact keys only,
so each address is sent once as it is and once with ``?o=<slug>`` for every region.
"""

import re

from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Locale

from pagecache.headers import PLAIN_SLUG
from regions.cached import bump_fragment_version
from regions.models import Region


def purging_enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def area_slugs():
    """The areas a page can be cached for: every region's slug the front door accepts."""
    slugs = Region.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True)
    return sorted(slug for slug in slugs if slug and re.fullmatch(PLAIN_SLUG, slug))


def with_area_variants(urls, slugs):
    """Each URL as it is, then with ``?o=<slug>`` for each slug."""
    parameter = settings.AREA_QUERY_PARAMETER
    variants = []
    for url in urls:
        variants.append(url)
        separator = "&" if "?" in url else "?"
        variants += [f"{url}{separator}{parameter}={slug}" for slug in slugs]
    return variants


def purge_on_commit(urls):
    """Purge ``urls`` (and their area variants) once the current transaction commits."""
    urls = list(urls)
    if not urls or not purging_enabled():
        return
    slugs = area_slugs()
    transaction.on_commit(lambda: purge_after_markup_expired(with_area_variants(urls, slugs)))


def purge_after_markup_expired(urls):
    """Expire Django's cached markup (home/signals.py does too, but perhaps after this), then
    purge: a request between the two would otherwise put the old markup back in the front
    door's cache for its whole lifetime."""
    bump_fragment_version()
    purge_urls_from_cache(urls)
