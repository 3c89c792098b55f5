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
from search.facts import passes

FACETS = ("type", "region", "topic", "audience")
# What of an item the filters and facets read: items share it (the same type, owner region and
# value sets), so each distinct signature is tested and counted once, weighted by its items.
SIGNATURE = attrgetter("type", "owner", "areas", "topics", "audiences")


def counts(items, filters):
    """{facet: {value: count}} over ``items`` (search/facts.py), each facet counted with the
    other facets' filters applied (disjunctive facets), most first; regions count as the region
    filter keeps."""
    signatures = Counter(map(SIGNATURE, items))
    facets = {}
    for name in FACETS:
        others = {key: value for key, value in filters.items() if value and key != name}
        tally = Counter()
        for signature, n in signatures.items():
            if others and not passes(signature, others):
                continue
            for value in _values(signature, name):
                tally[value] += n
        if name == "region":  # only the site's regions (an area link may name another locale's)
            known = {region.slug for region in regions_for_locale()} | {NATIONAL}
            tally = {value: n for value, n in tally.items() if value in known}
        facets[name] = dict(
            sorted(((v, n) for v, n in tally.items() if n), key=lambda row: (-row[1], row[0]))
        )
    return facets


def kept(items, filters):
    """The ``items`` that pass ``filters``, each distinct signature tested once."""
    if not any(filters.values()):
        return items
    verdicts = {}
    result = []
    for item, signature in zip(items, map(SIGNATURE, items), strict=True):
        verdict = verdicts.get(signature)
        if verdict is None:
            verdict = verdicts[signature] = passes(signature, filters)
        if verdict:
            result.append(item)
    return result


def _values(signature, name):
    kind, owner, areas, topics, audiences = signature
    if name == "type":
        return (kind,) if kind else ()
    if name == "region":
        # Those whose filter keeps the item (Item.in_region): its owner, or NATIONAL when it has
        # none, and the regions it is shared into.
        return {owner or NATIONAL} | areas
    return topics if name == "topic" else audiences
