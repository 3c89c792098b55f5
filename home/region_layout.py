"""What a region page's layout shows: the lists, picks and themes its team chose (the blocks
in home/region_blocks.py), in their order, with the area rules of resources/models/queryset.py.

A region page's view fetches what all its blocks show at once: the newest items of every
chosen type in one query, the picked items and themes in another, one query per theme block
for its items, and what the cards show for all of them together. So the number of queries does
not grow with the number of items, and a list block costs none of its own.

Their markup is cached as the front page's sections are (home/region_page.html): by page, area,
hour, language and the content's version, which any publication changes.

A page whose layout is empty shows the standard layout, which is also what every region page
starts with (``default_layout``): the front page's sections, local items first.
"""

from functools import partial

from django.db.models import prefetch_related_objects
from django.utils import translation

from home.frontpage import FRONT_PAGE_SECTIONS, sections_cache_key
from partners.models import Organisation
from regions.locales import default_locale, locale_by_id
from resources.models import ResourcePage, Topic
from resources.models.queryset import CARD_PREFETCH_RELATED
from resources.registry import model_for, resource_models, resource_type
from resources.sections import section_urls
from resources.taxonomy import terms
from resources.themes import THEME_SECTIONS

# The block types of the layout (home/region_blocks.py), by their names in the stream.
LATEST, FEATURED, THEME = "latest", "featured", "theme"
# Each block's template; a section dict (below) is what it shows.
TEMPLATES = {
    LATEST: "home/blocks/latest_resources_block.html",
    FEATURED: "home/blocks/featured_resources_block.html",
    THEME: "home/blocks/theme_block.html",
}
MAX_ITEMS = 12


def default_layout():
    """The layout a region page starts with, as stored (raw stream data): the sections the
    region pages had before their layout could be chosen."""
    return [
        {"type": LATEST, "value": {"resource_type": key, "count": count, "title": ""}}
        for key, count in FRONT_PAGE_SECTIONS
    ]


def _count(value, default=4):
    try:
        count = int(value.get("count") or default)
    except (TypeError, ValueError):
        count = default
    return max(1, min(count, MAX_ITEMS))


def _page_ids(value):
    """The chosen page ids of a list of page choosers (stored as {"value": id} items, or as
    plain ids by older Wagtail versions)."""
    ids = []
    for item in value or []:
        pk = item.get("value") if isinstance(item, dict) else item
        if isinstance(pk, int):
            ids.append(pk)
    return ids


def _blocks(raw_stream):
    """[(block type, value)] of the blocks this module knows, in the stream's order."""
    return [
        (child["type"], child.get("value") or {})
        for child in raw_stream
        if isinstance(child, dict) and child.get("type") in TEMPLATES
    ]


def _latest(blocks, locale, area):
    """{type key: items} for the list blocks: each type's newest (events: next) items, local
    first for ``area``, as many as its longest block shows (one query for all types)."""
    types = resource_models()
    limits = {}
    for kind, value in blocks:
        key = value.get("resource_type")
        if kind == LATEST and key in types:
            limits[key] = max(limits.get(key, 0), _count(value))
    if not limits:
        return {}
    found = (
        ResourcePage.objects.listed(locale)
        .prefetch_related(None)  # fetched once for every card of the page (below)
        .first_of_each({model_for(key): limit for key, limit in limits.items()}, area, current=True)
    )
    return {key: found[model_for(key)] for key in limits}


def _chosen(blocks):
    """{id: page} of the published items and theme pages the blocks pick (one query)."""
    ids = set()
    for kind, value in blocks:
        if kind == FEATURED:
            ids.update(_page_ids(value.get("pages")))
        elif kind == THEME and isinstance(value.get("theme"), int):
            ids.add(value["theme"])
    if not ids:
        return {}
    pages = (
        ResourcePage.objects.live()
        .public()
        .filter(pk__in=ids)
        .for_cards()
        .prefetch_related(None)
        .specific_pages()
    )
    return {page.pk: page for page in pages}


def theme_items(theme, count, locale, area):
    """The newest items on the theme page's topic, of the types its theme page lists (events:
    upcoming ones), that a visitor in ``area`` sees, local first (one query: each type's
    first items, marked local or not by ``local_first``, then merged by that mark and date).
    The topic comes from the cached terms."""
    topic = next(
        (term for term in terms(Topic, locale_by_id(theme.locale_id)) if term.pk == theme.topic_id),
        None,
    )
    if topic is None:
        return []
    on_topic = ResourcePage.objects.listed(locale).prefetch_related(None).with_topic(topic.slug)
    if area is not None:
        on_topic = on_topic.local_first(area)  # each item's "_local": 0 for the area's own
    found = on_topic.first_of_each(
        {model_for(key): count for key in THEME_SECTIONS}, area, current=True
    )
    items = [page for pages in found.values() for page in pages]
    items.sort(key=lambda page: (getattr(page, "_local", 0), -page.date.toordinal(), -page.pk))
    return items[:count]


def _anchor(base, taken):
    """A heading id unique on the page: the first "section-news", then "section-news-2" …"""
    anchor, number = base, 1
    while anchor in taken:
        number += 1
        anchor = f"{base}-{number}"
    taken.add(anchor)
    return anchor


def layout_sections(request, locale, area, raw_stream):
    """The sections a layout shows, in its order: dicts with the heading's ``anchor`` and
    ``label``, the list's ``url`` (or None), the ``items`` (specific pages with what their
    cards show) and the ``template`` of the block that shows them. Blocks with nothing to
    show are left out."""
    blocks = _blocks(raw_stream)
    latest = _latest(blocks, locale, area)
    chosen = _chosen(blocks)
    urls = (
        section_urls(request, translation.get_language(), area)
        if any(kind == LATEST for kind, _value in blocks)
        else {}
    )
    sections, taken = [], set()
    for kind, value in blocks:
        title = (value.get("title") or "").strip()
        if kind == LATEST:
            key = value.get("resource_type")
            if key not in latest:
                continue
            section = {
                "type": key,
                "label": title or resource_type(key).section_label,
                "url": urls.get(key),
                "items": latest[key][: _count(value)],
            }
        elif kind == FEATURED:
            items = [chosen[pk] for pk in _page_ids(value.get("pages")) if pk in chosen]
            section = {"type": FEATURED, "label": title, "url": None, "items": items}
        else:
            theme = chosen.get(value.get("theme"))
            if theme is None or not hasattr(theme, "topic_id"):
                continue
            section = {
                "type": THEME,
                "label": title or theme.title,
                "url": theme.get_url(request=request),
                "items": theme_items(theme, _count(value), locale, area),
            }
        if section["items"]:
            section["anchor"] = _anchor(f"section-{section['type']}", taken)
            section["template"] = TEMPLATES[kind]
            sections.append(section)
    # What the cards show, for every section at once.
    prefetch_related_objects(
        [item for section in sections for item in section["items"]], *CARD_PREFETCH_RELATED
    )
    return sections


def region_page_context(request, region_page):
    """The region page's sections, from its layout (the standard layout when it is empty),
    for a visitor seeing the page as the region's own area: made only when the template
    renders them, as the front page's are (its cached markup needs none of their queries)."""
    region = region_page.region
    raw_stream = list(region_page.layout.raw_data) or default_layout()
    return {
        "area": region,
        "layout": partial(layout_sections, request, region_page.locale, region, raw_stream),
        "layout_key": sections_cache_key(region_page, region),
        # The member organisations (a query only when their cached markup is missing).
        "members": Organisation.objects.filter(regions=region).order_by("kind", "name"),
    }


def block_section(block, value, context):
    """The section one block shows when it is rendered on its own (the admin's block preview,
    ``{% include_block %}``): on a region page for its area, elsewhere for the whole country."""
    context = context or {}
    page = context.get("page")
    area = getattr(page, "region", None)
    locale = page.locale if page is not None else default_locale()
    raw = {"type": block.layout_kind, "value": block.get_prep_value(value)}
    sections = layout_sections(context.get("request"), locale, area, [raw])
    return sections[0] if sections else None
