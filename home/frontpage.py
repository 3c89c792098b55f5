"""What the national front page shows (a region's front page: home/region_layout.py, whose
standard layout is these sections).

With an area chosen ("Mitt område"), that area's own and shared-in items come first, then
national content.
"""

from django.utils import translation

from regions.area import current_area
from resources.models import ResourcePage, ThemePage
from resources.registry import model_for, resource_type
from resources.sections import section_urls

FRONT_PAGE_SECTIONS = [("news", 4), ("event", 4), ("course", 6), ("podcast_episode", 4)]


def latest_resources(locale, area, limits):
    """{type key: the newest (events: next) items}, ``limits[key]`` of each type, local first
    for ``area`` (one query for all the types)."""
    found = ResourcePage.objects.listed(locale).first_of_each(
        {model_for(key): limit for key, limit in limits.items()}, area, current=True
    )
    return {key: found[model_for(key)] for key in limits}


def sections_for(request, locale, area):
    urls = section_urls(request, translation.get_language(), area)
    items = latest_resources(locale, area, dict(FRONT_PAGE_SECTIONS))
    return [
        {
            "type": key,
            "label": resource_type(key).section_label,
            "url": urls.get(key),
            "items": items[key],
        }
        for key, _limit in FRONT_PAGE_SECTIONS
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
