"""Filters and facet counts over the items one search matched, worked out in Python.

A search matches its words once (search/matching.py). The facts the filters, the facets and the
ranking need (type, date, owner region, the regions it is shared into, topics, audiences) are
held in memory (search/facts.py), and everything is counted here instead of in one query per
facet. The rules are the listings' own: a region keeps what it owns or what is
shared into it (``resources.models.queryset.in_region``, the Python form of
``ResourcePageQuerySet.region_filter``). Browsing without words counts in the database
(search/query.py); tests/search/test_facets.py checks that both give the same.
"""

from collections import Counter
from operator import attrgetter

from regions.lookup import NATIONAL, regions_for_locale

FACETS = ("type", "region", "topic", "audience")
# What of an item decides its values for each facet; shared by many items, so they are counted
# first and their values after.
KEYS = {
    "type": attrgetter("type"),
    "region": attrgetter("owner", "areas"),
    "topic": attrgetter("topics"),
    "audience": attrgetter("audiences"),
}


def counts(items, filters):
    """{facet: {value: count}} over ``items`` (search/facts.py), each facet counted with the
    other facets' filters applied (disjunctive facets), most first; regions count as the region
    filter keeps."""
    facets = {}
    for name in FACETS:
        others = {key: value for key, value in filters.items() if value and key != name}
        scoped = [item for item in items if item.keeps(others)] if others else items
        # Items share their value sets (search/facts.py): count the sets, then their values.
        tally = Counter()
        for key, n in Counter(map(KEYS[name], scoped)).items():
            for value in _values(key, name):
                tally[value] += n
        if name == "region":  # only the site's regions (an area link may name another locale's)
            known = {region.slug for region in regions_for_locale()} | {NATIONAL}
            tally = {value: n for value, n in tally.items() if value in known}
        facets[name] = dict(
            sorted(((v, n) for v, n in tally.items() if n), key=lambda row: (-row[1], row[0]))
        )
    return facets


def _values(key, name):
    if name == "type":
        return (key,) if key else ()
    if name == "region":
        # Those whose filter keeps the item (Item.in_region): its owner, or NATIONAL when it has
        # none, and the regions it is shared into.
        owner, areas = key
        return {owner or NATIONAL} | areas
    return key
