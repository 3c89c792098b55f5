"""Finding regions: by slug, per locale, and the region that owns a page (the nearest
RegionPage above it in the tree). "National" means owned by no region.

Every page shows the area selector, so the regions of each locale are cached (regions/cached.py)
and forgotten when a region is saved or deleted.
"""

from wagtail.models import Page

from regions.cached import fragment_version, remembered
from regions.locales import default_locale
from regions.models import Region

# The value that stands for national content in filters (?region=nasjonalt) and facets.
NATIONAL = "nasjonalt"


def ancestor_paths(path, steplen=Page.steplen):
    """Tree paths of a node and all its ancestors, root first."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def region_for(page):
    """The Region that owns ``page`` (None = national, owned by the central team).

    RegionPage links to its Region with ``related_name="region_pages"``, so the ground floor
    finds the nearest one through that relation without knowing the page model.
    """
    if not page.path:
        return None
    return (
        Region.objects.filter(region_pages__path__in=ancestor_paths(page.path))
        .order_by("-region_pages__depth")
        .first()
    )


def kept_region_for(page):
    """``region_for(page)`` for showing a page (a listing's own region): kept until content
    changes, since a page moves only with a page change. Saving a page asks ``region_for``."""
    key = f"kb:page-region:{fragment_version()}:{page.cache_key}"
    region_id = remembered(key, lambda: getattr(region_for(page), "pk", 0))
    if not region_id:
        return None
    regions = (region for found in _regions_by_locale().values() for region in found)
    return next((region for region in regions if region.pk == region_id), None)


REGIONS_CACHE_KEY = "kb:regions"


def _regions_by_locale():
    """{locale id: [Region, by name]} for every locale (one query when not cached)."""

    def load():
        found = {}
        for region in Region.objects.order_by("name", "pk"):
            found.setdefault(region.locale_id, []).append(region)
        return found

    return remembered(REGIONS_CACHE_KEY, load)


def regions_for_locale(locale=None):
    """All regions in the given (default: site's default) locale, ordered by name."""
    locale = locale or default_locale()
    return list(_regions_by_locale().get(locale.pk, []))


def region_by_slug(slug, locale=None):
    """The region with this slug, or None when the slug is unknown or empty."""
    if not slug or len(slug) > 50:
        return None
    locale = locale or default_locale()
    return next((region for region in regions_for_locale(locale) if region.slug == slug), None)
