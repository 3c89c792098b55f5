"""Template tags for resource cards: the facts a card shows, for every resource type, and a
list of cards rendered once per content version."""

from django import template
from django.core.cache import cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from regions.cached import fragment_version, lifetime
from resources.cards import DeferredCards

register = template.Library()

# Attributes only some resource types have (an event's start, a course's duration …).
CARD_FACTS = (
    "start",
    "location",
    "date",
    "duration_minutes",
    "duration_seconds",
    "status",
    "period",
    "numbering",
)


@register.simple_tag
def card_facts(resource):
    """{fact: value or None} for ``resource``'s card. Read here rather than in the template:
    a template's lookup of an attribute the page type lacks makes Django list every name of
    the page (``dir()``), which on a list of cards costs more than rendering them."""
    return {name: getattr(resource, name, None) for name in CARD_FACTS}


CARD_TEMPLATE = "includes/resource_card.html"


def card_key(request, pk, heading_level, version):
    """A card's markup depends on its page (whose changes move the version on), the
    language, the heading level and the host its links are made for."""
    host = request.get_host() if request is not None else ""
    language = translation.get_language()
    return f"kb:card:{version}:{language}:{host}:{heading_level}:{pk}"


@register.simple_tag(takes_context=True)
def resource_cards(context, items, heading_level=3):
    """A list item with its card for each of ``items`` (pages, a paginator's page, or a
    DeferredCards): the cards' markup is kept until content changes
    (regions.cached.fragment_version) and read in one cache round trip, so a list renders
    only the cards it has not seen since, and a DeferredCards loads only their pages."""
    items = getattr(items, "object_list", items)  # a paginator's page
    if isinstance(items, DeferredCards):
        ids, load = items.ids, items.load
    else:
        pages = {item.pk: item for item in items}
        ids, load = [item.pk for item in items], lambda wanted: pages
    request = context.get("request")
    version = fragment_version()
    keys = [card_key(request, pk, heading_level, version) for pk in ids]
    found = cache.get_many(keys)
    wanted = {pk for key, pk in zip(keys, ids, strict=True) if key not in found}
    missing = load(wanted) if wanted else {}
    template = get_template(CARD_TEMPLATE).template
    made = {}
    cards = []
    for key, pk in zip(keys, ids, strict=True):
        markup = found.get(key)
        if markup is None:
            if pk not in missing:  # gone since the list was read
                continue
            with context.push(resource=missing[pk], heading_level=heading_level):
                markup = made[key] = template.render(context)
        cards.append(markup)
    if made:
        cache.set_many(made, lifetime())
    return mark_safe("".join(f"<li>{card}</li>" for card in cards))  # noqa: S308 (rendered markup)
