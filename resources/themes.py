"""What a theme page (fagtema) shows: curated picks, then resources on its topic by type."""

from django.utils import translation

from regions.area import current_area
from resources.registry import index_model_for, model_for, resource_type
from resources.sections import section_urls

THEME_SECTIONS = ["course", "film", "podcast_episode", "article", "event", "news"]
PER_SECTION = 6


def theme_context(request, theme_page):
    area = current_area(request)
    featured = [block.value.specific for block in theme_page.featured if block.value]
    featured = [page for page in featured if page.live]
    urls = section_urls(request, translation.get_language(), area)
    sections = []
    for key in THEME_SECTIONS:
        model = model_for(key)
        queryset = model.objects.listed(theme_page.locale).with_topic(theme_page.topic.slug)
        items = list(queryset.seen_from(area, *model.listing_ordering)[:PER_SECTION])
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
