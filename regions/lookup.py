"""Finding regions: by slug, per locale, and the region that owns a page (the nearest
RegionPage above it in the tree). "National" means owned by no region."""

from wagtail.models import Locale, Page

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


def regions_for_locale(locale=None):
    """All regions in the given (default: site's default) locale, ordered by name."""
    locale = locale or Locale.get_default()
    return list(Region.objects.filter(locale=locale).order_by("name"))


def region_by_slug(slug, locale=None):
    """The region with this slug, or None when the slug is unknown or empty."""
    if not slug or len(slug) > 50:
        return None
    locale = locale or Locale.get_default()
    return Region.objects.filter(locale=locale, slug=slug).first()
