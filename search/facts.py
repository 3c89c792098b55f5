"""What filters, facets and ranking need to know of every visible resource page, held in
memory by each process and reloaded when the content changes.

A search matches its words once (search/matching.py) and gets page ids with scores; the type,
date, owner region, the regions an item is shared into, its topics and its audiences then come
from here instead of from four queries over thousands of ids per search. ``current()`` compares
the ContentVersion token (search/freshness.py, one small query) with the token its facts were
loaded at, and reloads them (four queries over all visible items) when it differs. Only live,
public, unexpired pages are held, so a match outside them is not shown.

Memory: one small frozen Item per visible page, its sets shared between items with the same
values (benchmarks/search_bench.py prints what they take; see the README).
"""

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from resources.models import ResourcePage
from resources.models.queryset import region_values
from resources.registry import type_of
from search import freshness

# The facts and the token they were loaded at, replaced as a whole (threads share it).
_held = {"token": object(), "items": {}}


@dataclass(frozen=True, slots=True)
class Item:
    pk: int
    type: str | None
    date: str | None  # ISO 8601
    # The ?region= values that keep it: its owner region or NATIONAL, and the regions it is
    # shared into (resources.models.queryset.region_values).
    regions: frozenset = frozenset()
    topics: frozenset = frozenset()
    audiences: frozenset = frozenset()

    def in_region(self, value):
        return value in self.regions

    def keeps(self, filters):
        """Whether the item passes ``filters`` ({facet: value or None})."""
        return passes((self.type, self.regions, self.topics, self.audiences), filters)


def passes(signature, filters):
    """Whether an item of ``signature`` (type, regions, topics, audiences) passes ``filters``
    ({facet: value or None}), by the listings' rules."""
    kind, regions, topics, audiences = signature
    for name, value in filters.items():
        if not value:
            continue
        if name == "type" and kind != value:
            return False
        if name == "region" and value not in regions:
            return False
        if name == "topic" and value not in topics:
            return False
        if name == "audience" and value not in audiences:
            return False
    return True


def current():
    """{page id: Item} of every visible resource page, as of the content's current token."""
    global _held
    token = freshness.token()
    held = _held
    if held["token"] != token:
        held = _held = {"token": token, "items": load()}
    return held["items"]


def visible(queryset):
    """Live, public, unexpired pages only."""
    return queryset.live().public().filter(expired=False)


def load():
    """{page id: Item} for the visible resource pages, read from the database."""
    pages = visible(ResourcePage.objects.all())
    # The date as ISO text ("2025-03-01"), which sorts as the date does.
    rows = pages.annotate(day=Cast("date", CharField())).values_list(
        "pk", "content_type_id", "day", "owner_region__slug"
    )
    links = {}
    shared = {}  # one frozenset per distinct set of values
    for name, field in (("areas", "region"), ("topics", "topic"), ("audiences", "audience")):
        through = ResourcePage._meta.get_field(name).remote_field.through
        by_page = {}
        pairs = through.objects.filter(resourcepage__in=pages)
        for page_id, slug in pairs.values_list("resourcepage_id", f"{field}__slug"):
            by_page.setdefault(page_id, set()).add(slug)
        links[name] = {
            pk: shared.setdefault(frozenset(values), frozenset(values))
            for pk, values in by_page.items()
        }
    type_key = cache(_type_key)  # a few page types among thousands of items
    empty = frozenset()
    areas, topics, audiences = links["areas"], links["topics"], links["audiences"]
    items = {}
    for pk, content_type, day, owner in rows:
        regions = region_values(owner, areas.get(pk, empty))
        items[pk] = Item(
            pk=pk,
            type=type_key(content_type),
            date=day,
            regions=shared.setdefault(regions, regions),
            topics=topics.get(pk, empty),
            audiences=audiences.get(pk, empty),
        )
    return items


def _type_key(content_type_id):
    kind = type_of(ContentType.objects.get_for_id(content_type_id).model_class())
    return kind.key if kind else None
