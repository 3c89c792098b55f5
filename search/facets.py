"""Filters and facet counts over the items one search matched, worked out in Python.

A search matches its words once (search/matching.py). The facts the filters, the facets and the
ranking need (type, date, owner region, the regions it is shared into, topics, audiences) are
held in memory (search/facts.py), and everything is counted here instead of in one query per
facet. The rules are the listings' own: a region keeps what it owns or what is
shared into it (``resources.models.queryset.region_values``, the Python form of
``ResourcePageQuerySet.region_filter``). Browsing without words counts in the database
(search/query.py); tests/search/test_facets.py checks that both give the same.
"""

from collections import Counter
from operator import attrgetter, itemgetter

from regions.lookup import NATIONAL, regions_for_locale
from search.facts import passes

FACETS = ("type", "region", "topic", "audience")
# What of an item the filters and facets read: items share it (the same type, owner region and
# value sets), so with filters each distinct signature is tested once, weighted by its items.
SIGNATURE = attrgetter("type", "regions", "topics", "audiences")
# What decides an item's values for each facet: of an item, and of its signature.
OF_ITEM = {
    "type": attrgetter("type"),
    "region": attrgetter("regions"),
    "topic": attrgetter("topics"),
    "audience": attrgetter("audiences"),
}
OF_SIGNATURE = {
    "type": itemgetter(0),
    "region": itemgetter(1),
    "topic": itemgetter(2),
    "audience": itemgetter(3),
}


def counts(items, filters):
    """{facet: {value: count}} over ``items`` (search/facts.py), each facet counted with the
    other facets' filters applied (disjunctive facets), most first; regions count as the region
    filter keeps."""
    signatures = Counter(map(SIGNATURE, items)) if any(filters.values()) else None
    facets = {}
    for name in FACETS:
        others = {key: value for key, value in filters.items() if value and key != name}
        if others:
            by_key = Counter()
            key_of = OF_SIGNATURE[name]
            for signature, n in signatures.items():
                if passes(signature, others):
                    by_key[key_of(signature)] += n
        else:
            by_key = Counter(map(OF_ITEM[name], items))
        tally = Counter()
        for key, n in by_key.items():
            for value in _values(key, name):
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


def _values(key, name):
    """The facet values of an OF_ITEM key."""
    if name == "type":
        return (key,) if key else ()
    # Sets: a region counts the items its filter keeps (Item.regions), topics and audiences
    # the items that have them.
    return key
