"""What a theme page (fagtema) shows: curated picks, then resources on its topic by type."""

from django.db.models import Exists, OuterRef

from home.area import current_area
from resources.ownership import for_area

THEME_SECTIONS = ["course", "film", "podcast_episode", "article", "event", "news"]
PER_SECTION = 6


def theme_context(request, theme_page):
    from resources.listing import resources_of_type
    from resources.models import ResourcePage
    from resources.types import RESOURCE_TYPES

    area = current_area(request)
    featured = [block.value.specific for block in theme_page.featured if block.value]
    featured = [page for page in featured if page.live]
    on_topic = Exists(
        ResourcePage.topics.through.objects.filter(
            resourcepage_id=OuterRef("pk"), topic_id=theme_page.topic_id
        )
    )
    sections = []
    for slug in THEME_SECTIONS:
        queryset = resources_of_type(slug, theme_page.locale).filter(on_topic)
        items = list(for_area(queryset, area, "-date", "-pk")[:PER_SECTION])
        if items:
            sections.append({"type": slug, "label": RESOURCE_TYPES[slug][2], "items": items})
    return {"featured": featured, "sections": sections}
