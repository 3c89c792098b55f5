"""What the national front page and a region's front page show.

With an area chosen ("Mitt område" or the region page itself), that area's own and
shared-in items come first, then national content.
"""

from home.area import current_area

FRONT_PAGE_SECTIONS = [("news", 4), ("event", 4), ("course", 6), ("podcast_episode", 4)]


def latest_resources(locale, area, type_slug, limit):
    from resources.listing import resources_of_type
    from resources.ownership import for_area

    queryset = resources_of_type(type_slug, locale)
    if type_slug == "event":
        from resources.models.event import upcoming_q

        return list(for_area(queryset.filter(upcoming_q()), area, "start", "pk")[:limit])
    return list(for_area(queryset, area, "-date", "-pk")[:limit])


def sections_for(locale, area):
    from resources.types import RESOURCE_TYPES

    sections = []
    for type_slug, limit in FRONT_PAGE_SECTIONS:
        items = latest_resources(locale, area, type_slug, limit)
        sections.append({"type": type_slug, "label": RESOURCE_TYPES[type_slug][2], "items": items})
    return sections


def front_page_context(request, home_page):
    from home.models import RegionPage
    from resources.models import ThemePage

    area = current_area(request)
    themes = ThemePage.objects.live().public().filter(locale=home_page.locale).order_by("title")
    return {
        "area": area,
        "sections": sections_for(home_page.locale, area),
        "themes": themes,
        "region_pages": RegionPage.objects.child_of(home_page).live().select_related("region"),
    }


def region_page_context(request, region_page):
    region = region_page.region
    return {"area": region, "sections": sections_for(region_page.locale, region)}
