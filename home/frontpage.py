"""What the national front page and a region's front page show.

With an area chosen ("Mitt område" or the region page itself), that area's own and
shared-in items come first, then national content.
"""

from django.utils import translation

from regions.area import current_area
from resources.models import ThemePage
from resources.registry import model_for, resource_type
from resources.sections import section_urls

FRONT_PAGE_SECTIONS = [("news", 4), ("event", 4), ("course", 6), ("podcast_episode", 4)]


def latest_resources(locale, area, key, limit):
    """The newest (events: next) ``limit`` items of a type, local first for ``area``."""
    model = model_for(key)
    queryset = model.objects.listed(locale).current()
    return list(queryset.seen_from(area, *model.listing_ordering)[:limit])


def sections_for(request, locale, area):
    urls = section_urls(request, translation.get_language(), area)
    return [
        {
            "type": key,
            "label": resource_type(key).section_label,
            "url": urls.get(key),
            "items": latest_resources(locale, area, key, limit),
        }
        for key, limit in FRONT_PAGE_SECTIONS
    ]


def front_page_context(request, home_page, region_pages):
    area = current_area(request)
    themes = ThemePage.objects.live().public().filter(locale=home_page.locale).order_by("title")
    return {
        "area": area,
        "sections": sections_for(request, home_page.locale, area),
        "themes": themes,
        "region_pages": region_pages,
    }


def region_page_context(request, region_page):
    region = region_page.region
    return {"area": region, "sections": sections_for(request, region_page.locale, region)}
