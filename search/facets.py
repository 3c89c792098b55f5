"""Filters and facet counts over the items one search matched, worked out in Python.

A search matches its words once (search/matching.py). The facts the filters, the facets and the
ranking need (type, date, owner region, the regions it is shared into, topics, audiences) are
then loaded for those items in four queries, and everything else is counted here instead of in
one query per facet. The rules are the listings' own: a region keeps what it owns or what is
shared into it (``resources.models.queryset.in_region``, the Python form of
``ResourcePageQuerySet.region_filter``). Browsing without words counts in the database
(search/query.py); tests/search/test_facets.py checks that both give the same.
"""

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from regions.lookup import NATIONAL, regions_for_locale
from resources.models import ResourcePage
from resources.models.queryset import in_region
from resources.registry import type_of
from search.matching import among

FACETS = ("type", "region", "topic", "audience")


@dataclass(frozen=True)
class Item:
    pk: int
    type: str | None
    date: str | None  # ISO 8601
    owner: str | None
    areas: frozenset = frozenset()
    topics: frozenset = frozenset()
    audiences: frozenset = frozenset()

    def in_region(self, value):
        return in_region(self.owner, self.areas, value)

    def keeps(self, filters):
        """Whether the item passes ``filters`` ({facet: value or None})."""
        for name, value in filters.items():
            if not value:
                continue
            if name == "type" and self.type != value:
                return False
            if name == "region" and not self.in_region(value):
                return False
            if name == "topic" and value not in self.topics:
                return False
            if name == "audience" and value not in self.audiences:
                return False
        return True


def load(ids):
    """The Items for resource page ``ids`` (in no particular order)."""
    if not ids:
        return []
    ids = among(ids)
    # The date as ISO text ("2025-03-01"), which sorts as the date does: SQLite would otherwise
    # parse thousands of date strings in Python for a ranking tie-break.
    rows = (
        ResourcePage.objects.filter(pk__in=ids)
        .annotate(day=Cast("date", CharField()))
        .values_list("pk", "content_type_id", "day", "owner_region__slug")
    )
    links = {}
    for name, field in (("areas", "region"), ("topics", "topic"), ("audiences", "audience")):
        through = ResourcePage._meta.get_field(name).remote_field.through
        by_page = links[name] = {}
        pairs = through.objects.filter(resourcepage_id__in=ids)
        for page_id, slug in pairs.values_list("resourcepage_id", f"{field}__slug"):
            by_page.setdefault(page_id, set()).add(slug)
    type_key = cache(_type_key)  # a few page types among thousands of items
    return [
        Item(
            pk=pk,
            type=type_key(content_type),
            date=day,
            owner=owner,
            **{name: frozenset(by_page.get(pk, ())) for name, by_page in links.items()},
        )
        for pk, content_type, day, owner in rows
    ]


def counts(items, filters):
    """{facet: {value: count}}, each facet counted with the other facets' filters applied
    (disjunctive facets), most first; regions count as the region filter keeps."""
    facets = {}
    for name in FACETS:
        others = {key: value for key, value in filters.items() if value and key != name}
        scoped = [item for item in items if item.keeps(others)] if others else items
        tally = {}
        for item in scoped:
            for value in _values(item, name):
                tally[value] = tally.get(value, 0) + 1
        if name == "region":  # only the site's regions (an area link may name another locale's)
            known = {region.slug for region in regions_for_locale()} | {NATIONAL}
            tally = {value: n for value, n in tally.items() if value in known}
        facets[name] = dict(
            sorted(((v, n) for v, n in tally.items() if n), key=lambda row: (-row[1], row[0]))
        )
    return facets


def _values(item, name):
    if name == "type":
        return (item.type,) if item.type else ()
    if name == "topic":
        return item.topics
    if name == "audience":
        return item.audiences
    # region: those whose filter keeps the item (Item.in_region): its owner, or NATIONAL when it
    # has none, and the regions it is shared into.
    return {item.owner or NATIONAL} | item.areas


def _type_key(content_type_id):
    kind = type_of(ContentType.objects.get_for_id(content_type_id).model_class())
    return kind.key if kind else None
