"""What a theme page (fagtema) shows: curated picks, then resources on its topic by type."""

from django.apps import apps
from django.db.models import prefetch_related_objects
from django.utils import translation

from regions.area import current_area
from resources.models.queryset import CARD_PREFETCH_RELATED, CARD_SELECT_RELATED
from resources.registry import index_model_for, model_for, resource_type
from resources.sections import section_urls

THEME_SECTIONS = ["course", "film", "podcast_episode", "article", "research", "event", "news"]
PER_SECTION = 6


def _resources():
    return apps.get_model("resources", "ResourcePage").objects


def featured_pages(theme_page):
    """The editors' picks that are published, in their order (one query for all of them;
    what their cards show besides is left to the caller)."""
    ids = [child["value"] for child in theme_page.featured.raw_data if child.get("value")]
    if not ids:
        return []
    queryset = _resources().live().filter(pk__in=ids).select_related(*CARD_SELECT_RELATED)
    pages = {page.pk: page for page in queryset.specific_pages()}
    return [pages[pk] for pk in ids if pk in pages]


def theme_context(request, theme_page):
    area = current_area(request)
    urls = section_urls(request, translation.get_language(), area)
    # Every section's first items in one query: the resources on the page's topic.
    on_topic = _resources().listed(theme_page.locale).with_topic(theme_page.topic.slug)
    found = on_topic.prefetch_related(None).first_of_each(
        {model_for(key): PER_SECTION for key in THEME_SECTIONS}, area=area
    )
    featured = featured_pages(theme_page)
    # What the cards show, for the picks and the sections together.
    cards = [*featured, *(page for pages in found.values() for page in pages)]
    prefetch_related_objects(cards, *CARD_PREFETCH_RELATED)
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
    return {"featured": featured, "sections": sections}
