"""What the search knows about words beyond the text: synonyms (edited in the admin), place
names, and whether a query word is a real word of the site's content.

- Synonyms are the ``Synonym`` snippets (search/models.py; seeded by search/migrations/0003 with
  the acronyms and clinical and lay words the site started with). Each backend gets them at query
  time through ``build_query`` (search/query.py); they are cached and the cache is cleared when a
  snippet is saved or deleted (search/signals.py).
- Place names ("kurs Hamar") map to a region in ``search/data/places.json``; the search favours
  that region's items with the same rule as everywhere (``ResourcePageQuerySet.in_region_q``).
- ``is_known`` tells a word the content uses (or one it can be read as: a synonym, a compound of
  known parts, a place) from one it does not, so loose fallbacks are kept for the former.
"""

import json
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache

from search.compounds import split
from search.suggest import vocabulary
from search.text import fold, stem, words

SYNONYMS_CACHE_KEY = "search:synonyms:v1"
CACHE_SECONDS = 60 * 60
PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.json"
# Query words shorter than this are never treated as known through a longer word's prefix.
PREFIX_KNOWN_MIN = 4


def _build_synonyms():
    """{folded one-word term: [other ways of saying it, folded]} from the Synonym snippets."""
    from search.models import Synonym

    table = {}
    for group in Synonym.objects.all():
        members = group.members()
        sources = members[:1] if group.one_way else members
        for source in sources:
            if " " in source:  # a phrase is found, it does not look anything up
                continue
            alternatives = table.setdefault(source, [])
            for other in members:
                if other != source and other not in alternatives:
                    alternatives.append(other)
    return table


def synonym_table():
    return cache.get_or_set(SYNONYMS_CACHE_KEY, _build_synonyms, CACHE_SECONDS)


def clear_synonyms(**_kwargs):
    cache.delete(SYNONYMS_CACHE_KEY)


def synonyms_for(term):
    """Other ways of saying the folded query term ``term`` (its exact form, else its stem:
    "hjerneslaget" finds what "hjerneslag" finds)."""
    table = synonym_table()
    if term in table:
        return table[term]
    root = stem(term)
    for source, alternatives in table.items():
        if stem(source) == root:
            return [other for other in alternatives if other != term]
    return []


@lru_cache(maxsize=1)
def place_names():
    """{folded place name: region slug}."""
    data = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    return {
        " ".join(words(name)): slug
        for slug, names in data.items()
        if not slug.startswith("_")
        for name in names
    }


def places_in(terms):
    """(the region slugs the folded ``terms`` name as places, the terms that are place names)."""
    places = place_names()
    regions, named = [], []
    for term in terms:
        slug = places.get(term)
        if slug:
            named.append(term)
            if slug not in regions:
                regions.append(slug)
    return regions, named


def _in_vocabulary(term, known):
    if term in known:
        return True
    if len(term) < PREFIX_KNOWN_MIN:
        return False
    root = stem(term)
    return len(root) >= PREFIX_KNOWN_MIN and any(word.startswith(root) for word in known)


def is_known(term):
    """True when the folded ``term`` is a word of the site's content (titles, summaries,
    taxonomy), or one of its inflections, or a synonym, a place or a compound of known words."""
    known = vocabulary()
    if _in_vocabulary(term, known) or term in place_names():
        return True
    if synonyms_for(term):
        return True
    parts = split(term)
    return bool(parts) and all(_in_vocabulary(part, known) for part in parts)


def edit_distance(a, b):
    """Levenshtein distance with adjacent swaps counted once ("demnes" → "demens": 1)."""
    a, b = fold(a), fold(b)
    previous_previous, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                value = min(value, previous_previous[j - 2] + 1)
            current.append(value)
        previous_previous, previous = previous, current
    return previous[-1]


def close_enough(word, correction):
    """A correction is a typo fix, not another word: at most one edit (a letter added, dropped,
    changed or two swapped) in words of up to eight letters, two in longer ones."""
    allowed = 1 if len(word) <= 8 else 2
    return edit_distance(word, correction) <= allowed
