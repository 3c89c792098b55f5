"""Template tag for resource cards: the facts a card shows, for every resource type."""

from django import template

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
