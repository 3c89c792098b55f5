"""What the national front page shows (a region's front page: home/region_layout.py, whose
standard layout is these sections).

With an area chosen ("Mitt område"), that area's own and shared-in items come first, then
national content.
"""

from functools import partial

from django.utils import timezone, translation

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


def sections_cache_key(page, area):
    """What the sections' cached markup depends on besides the language and the content's
    version (includes/front_sections.html): the page, the area, and the hour (events leave
    the "next" lists as they pass)."""
    hour = timezone.localtime().strftime("%Y%m%d%H")
    return f"{page.pk}:{area.slug if area is not None else ''}:{hour}"


def lazy_sections(request, page, area):
    """The sections, made only when the template renders them: a cached fragment needs none
    of their queries. (Django's templates call a callable they are given.)"""
    return {
        "sections": partial(sections_for, request, page.locale, area),
        "sections_key": sections_cache_key(page, area),
    }


def front_page_context(request, home_page, region_pages):
    area = current_area(request)
    themes = ThemePage.objects.live().public().filter(locale=home_page.locale).order_by("title")
    return {
        "area": area,
        **lazy_sections(request, home_page, area),
        "themes": themes,
        "region_pages": region_pages,
    }
