"""What a theme page (fagtema) shows: curated picks, then resources on its topic by type."""

from django.apps import apps
from django.utils import translation

from regions.area import current_area
from resources.registry import index_model_for, model_for, resource_type
from resources.sections import section_urls

THEME_SECTIONS = ["course", "film", "podcast_episode", "article", "event", "news"]
PER_SECTION = 6


def _resources():
    return apps.get_model("resources", "ResourcePage").objects


def featured_pages(theme_page):
    """The editors' picks that are published, in their order (one query for all of them)."""
    ids = [child["value"] for child in theme_page.featured.raw_data if child.get("value")]
    if not ids:
        return []
    queryset = (
        _resources()
        .live()
        .filter(pk__in=ids)
        .select_related("owner_region", "image")
        .prefetch_related("topics", "image__renditions")
    )
    pages = {page.pk: page for page in queryset.specific_pages()}
    return [pages[pk] for pk in ids if pk in pages]


def theme_context(request, theme_page):
    area = current_area(request)
    urls = section_urls(request, translation.get_language(), area)
    # Every section's first items in one query: the resources on the page's topic.
    on_topic = _resources().listed(theme_page.locale).with_topic(theme_page.topic.slug)
    found = on_topic.first_of_each(
        {model_for(key): PER_SECTION for key in THEME_SECTIONS}, area=area
    )
    sections = []
    for key in THEME_SECTIONS:
        items = found[model_for(key)]
        if items:
            kind = resource_type(key)
            # "See all on this topic" only where the list shows this type itself (the podcast
            # list shows series, not episodes).
            lists_this_type = index_model_for(key).listing_type == key
            sections.append(
                {
                    "type": key,
                    "label": kind.section_label,
                    "url": urls.get(key) if lists_this_type else None,
                    "items": items,
                }
            )
    return {"featured": featured_pages(theme_page), "sections": sections}
