"""Which region owns a page, derived from its place in the tree (nearest RegionPage ancestor)."""

from wagtail.models import Locale, Page


def ancestor_paths(path, steplen=Page.steplen):
    """Tree paths of a node and all its ancestors, root first."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def region_page_for(page):
    """The RegionPage at or above ``page``, or None for national content."""
    from home.models import RegionPage

    if not page.path:
        return None
    return (
        RegionPage.objects.filter(path__in=ancestor_paths(page.path))
        .select_related("region")
        .order_by("-depth")
        .first()
    )


def region_for(page):
    """The Region that owns ``page`` (None = national, owned by the central team)."""
    region_page = region_page_for(page)
    return region_page.region if region_page else None


def regions_for_locale(locale=None):
    """All regions in the given (default: site's default) locale, ordered by name."""
    from home.models import Region

    locale = locale or Locale.get_default()
    return list(Region.objects.filter(locale=locale).order_by("name"))


def region_by_slug(slug, locale=None):
    """The region with this slug, or None when the slug is unknown or empty."""
    from home.models import Region

    if not slug or len(slug) > 50:
        return None
    locale = locale or Locale.get_default()
    return Region.objects.filter(locale=locale, slug=slug).first()
