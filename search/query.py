"""The one code path from a visitor's query to search results, used by the HTML page, the JSON
API, autocomplete and the relevance evaluation.

Queries are plain text: characters that search engines treat as syntax are neutralised, the
text is folded and split into Norwegian terms (search/text.py), acronyms are expanded, and the
search falls back from all terms, to any term, to a fuzzy match, so a typo still finds
something. The engine or the database's full-text index is asked once per query
(search/matching.py); filters, facets (search/facets.py) and the ranking then work on the items
it matched, so they behave the same on every backend.
"""

import heapq
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, Count, Value, When

from wagtail.search.backends import get_search_backend

from modelsearch.query import Fuzzy

from regions.lookup import regions_for_locale
from resources.cards import DeferredCards
from resources.models import ResourcePage
from resources.models.queryset import CARD_PREFETCH_RELATED, CARD_SELECT_RELATED
from resources.registry import model_for, resource_types, type_of
from search import facets, facts
from search.compounds import split
from search.facets import FACETS
from search.facts import visible
from search.lexicon import close_enough, is_known, places_in
from search.matching import completions, match
from search.pages import matching_pages
from search.suggest import suggest
from search.terms import MAX_TERMS, build_query, clean_query, search_terms
from search.text import query_terms

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 20
AUTOCOMPLETE_LIMIT = 8
# Fewer hits than this and the visitor is offered a spelling suggestion ("Mente du …?").
FEW_HITS = 3
# How much a result from the visitor's own area ("Mitt område") outweighs a national one.
AREA_BOOST = 1.5
# How much a query word that names a type (ResourceType.query_words) favours that type.
TYPE_BOOST = 1.5
# How much a place in the query ("kurs Hamar") favours items of that place's region.
PLACE_BOOST = 3.0


@dataclass(frozen=True)
class SearchParams:
    """A validated search request (see search/params.py for parsing one from a request)."""

    query: str = ""
    type: str | None = None
    region: str | None = None
    topic: str | None = None
    audience: str | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    def filters(self, skip=None):
        return {name: getattr(self, name) for name in FACETS if name != skip}


@dataclass
class SearchOutcome:
    params: SearchParams
    count: int = 0
    results: list = field(default_factory=list)  # ScoredResults (pages with .search_score)
    facets: dict = field(default_factory=lambda: {name: {} for name in FACETS})
    suggestion: str | None = None
    fallback: str | None = None  # None, "any_term", "fuzzy" or "suggestion"
    promotions: list = field(default_factory=list)
    pages: list = field(default_factory=list)  # other pages found (search/pages.py), page 1 only

    @property
    def offset(self):
        return (self.params.page - 1) * self.params.page_size


def _resource_pages():
    return ResourcePage.objects


@dataclass
class Matches:
    """What the query words matched (search/matching.py), and what else they said."""

    scores: dict  # {page id: relevance}
    named_type: str | None = None  # a type the query names ("kurs") is favoured
    regions: list = field(default_factory=list)  # regions of places it names ("Hamar")
    all_words: set = field(default_factory=set)  # ids matching every word, ranked first


def _filter(queryset, filters):
    """The facet filters, with the same rules as the listings (ResourcePageQuerySet)."""
    if filters.get("type"):
        content_type = ContentType.objects.get_for_model(model_for(filters["type"]))
        queryset = queryset.filter(content_type=content_type)
    queryset = queryset.region_filter(filters.get("region"))
    if filters.get("topic"):
        queryset = queryset.with_topic(filters["topic"])
    if filters.get("audience"):
        queryset = queryset.with_audience(filters["audience"])
    return queryset


def _facets(base, params):
    """Counts per facet value when browsing (search/facets.py counts a search's matches the same
    way in Python). Each facet counts with the other facets' filters applied, so a visitor sees
    how many results choosing another value would give (disjunctive facets). A region counts
    what the region filter would give: items owned by it or shared into it."""
    facets = {}
    for name, column in (
        ("type", "content_type"),
        ("region", None),
        ("topic", "topics__slug"),
        ("audience", "audiences__slug"),
    ):
        scoped = _filter(base, params.filters(skip=name))
        if column is None:
            counts = scoped.region_counts(regions_for_locale())
            facets[name] = dict(sorted(counts.items(), key=lambda row: (-row[1], row[0])))
            continue
        rows = scoped.values(column).annotate(n=Count("pk", distinct=True)).order_by("-n", column)
        counts = {}
        for row in rows:
            value = row[column]
            if name == "type":
                kind = type_of(ContentType.objects.get_for_id(value).model_class())
                value = kind.key if kind else None
            if value is not None:
                counts[value] = row["n"]
        facets[name] = counts
    return facets


def _type_named(terms):
    """The resource type a query names ("kurs i …" → course), if any."""
    for term in terms:
        for kind in resource_types():
            if any(term.startswith(word) for word in kind.query_words):
                return kind.key
    return None


def _rank(items, matches, area, best):
    """[(id, score)] of the ``best`` first of ``items`` (search/facts.py): items matching every
    word first, then by relevance weighted up for the visitor's area, for the type the query
    names and for the region of a place it names (nothing is filtered out), then newest."""
    area = getattr(area, "slug", area)
    scores, all_words, named = matches.scores, matches.all_words, matches.named_type
    if not (area or named or matches.regions):  # nothing to weigh: no call per item
        keys = ((i.pk in all_words, scores[i.pk], i.date or "", i.pk) for i in items)
        return [(key[3], key[1]) for key in heapq.nlargest(best, keys)]

    def key(item):
        weight = TYPE_BOOST if named and item.type == named else 1.0
        if area and item.in_region(area):
            weight *= AREA_BOOST
        if any(item.in_region(slug) for slug in matches.regions):
            weight *= PLACE_BOOST
        return (item.pk in all_words, scores[item.pk] * weight, item.date or "", item.pk)

    return [(key[3], key[1]) for key in heapq.nlargest(best, map(key, items))]


class ScoredResults(DeferredCards):
    """A page of results: the ids in rank order with their scores, the pages loaded when
    needed (each with ``search_score``): a list of cards or of API results kept as markup or
    JSON loads only the pages it has not kept."""

    def __init__(self, rows, load):
        self.scores = {pk: float(score) if score is not None else None for pk, score in rows}
        super().__init__([pk for pk, _score in rows], load)


def _load_pages(rows, shown, specific=True):
    """The results for [(id, score)] that are among the facts ``shown`` (search/facts.py), in
    that order, as ScoredResults whose pages come with their owner region: as their own page
    types with what cards show (ResourcePageQuerySet.specific_pages: one query), or with
    ``specific=False`` as ResourcePages (the JSON API shows only what every resource has)."""
    rows = [(pk, score) for pk, score in rows if pk in shown]

    def load(ids):
        # Live only: the facts may be a moment older than a page unpublished since.
        chosen = _resource_pages().live().filter(pk__in=ids).select_related("owner_region")
        if specific:  # as cards show them, every type in one query
            chosen = chosen.select_related(*CARD_SELECT_RELATED).prefetch_related(
                *CARD_PREFETCH_RELATED
            )
            pages = list(chosen.specific_pages())
        else:
            pages = list(chosen)
        for page in pages:
            page.search_score = results.scores[page.pk]
        return pages

    results = ScoredResults(rows, load)
    return results


def _browse(outcome, area, specific):
    """Without query words: every visible item the filters keep, counted and faceted in the
    database, the visitor's area first, then newest."""
    params = outcome.params
    base = visible(_resource_pages().all())
    filtered = _filter(base, params.filters())
    outcome.count = filtered.count()
    outcome.facets = _facets(base, params)
    if area is not None:
        filtered = filtered.annotate(
            _in_area=Case(
                When(filtered.in_region_q(area), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        ).order_by("-_in_area", "-date", "-pk")
    else:
        filtered = filtered.order_by("-date", "-pk")
    window = filtered.values_list("pk", flat=True)[outcome.offset :][: params.page_size]
    outcome.results = _load_pages([(pk, None) for pk in window], facts.current(), specific)


def search(params, *, area=None, backend=None, specific=True):
    """Run a search: ranked, filtered, paginated results with facets and a suggestion.

    The query words are matched once (search/matching.py); counting, facets, ranking and the
    page work on the ids that match. Without query words but with a filter it browses:
    everything the filters select, newest first (the same items a listing with those filters
    shows). Without either: nothing.
    """
    outcome = SearchOutcome(params=params)
    terms = search_terms(params.query)
    filters = params.filters()
    filtered = any(filters.values())
    # Other pages (om oss, region pages) go with the words alone: a filter is about resources.
    outcome.pages = (
        [] if filtered or params.page > 1 else matching_pages(params.query, backend=backend)
    )
    if not terms:
        if filtered:
            _browse(outcome, area, specific)
        return outcome
    shown = facts.current()
    matches = _text_matches(outcome, terms, backend or get_search_backend(), shown)
    items = [shown[pk] for pk in matches.scores]  # match() keeps only shown (visible) ids
    outcome.facets = facets.counts(items, filters)
    kept = facets.kept(items, filters)
    outcome.count = len(kept)
    ranked = _rank(kept, matches, area, best=outcome.offset + params.page_size)
    outcome.results = _load_pages(ranked[outcome.offset :], shown, specific)
    return outcome


def _text_matches(outcome, terms, backend, shown):
    """The Matches for the query words, with the fallbacks recorded on ``outcome``: all terms,
    then the suggestion, then a fuzzy match.

    Words that name a type ("kurs") or a place ("Hamar") favour that type or region instead of
    being required. When few items match every word, items matching some of them follow below
    (all of them when none match every word: fallback "any_term"). The loose steps are for
    words the site knows (search/lexicon.py): some words only when at least half the words are
    known, and only those; the suggestion and the fuzzy match only when each corrected word is
    a typo away from a word of the content. A query about something the portal does not cover
    ("boliglån") finds nothing. ``shown`` are the visible items' facts (search/facts.py)."""
    terms = _without_type_parts(terms)
    named = _type_named(terms)
    regions, place_words = places_in(terms)
    if len(place_words) == len(terms):  # only places ("Østfold"): the text decides
        regions = []
    required = [t for t in terms if t not in place_words and not _type_named([t])]
    if not required and named and place_words:
        # Only a type and a place ("kurs Hamar"): that type's items, the place's first.
        ids = [pk for pk, item in shown.items() if item.type == named]
        return Matches(dict.fromkeys(ids, 1.0), named, regions)
    required = required or [t for t in terms if t not in place_words] or terms
    # A compound as written first ("pårørendearbeid"); its parts apart only when that finds
    # little ("hjertesviktkurs": items on hjertesvikt that are courses).
    scores = match(build_query(required, "and", compounds=False), backend, shown)
    if len(scores) < FEW_HITS and any(split(term) for term in required):
        with_parts = match(build_query(required, "and"), backend, shown)
        if len(with_parts) > len(scores):
            scores = with_parts
    all_words = set(scores)
    if len(scores) < FEW_HITS and len(required) > 1:
        known = [term for term in required if is_known(term)]
        if known and 2 * len(known) >= len(required):
            some = match(build_query(known, "or"), backend, shown)
            if not scores and some:
                outcome.fallback = "any_term"
            scores = {**some, **scores}
    if len(scores) < FEW_HITS:
        outcome.suggestion = _close_suggestion(terms)
    if not scores and outcome.suggestion:
        # The corrected words rank better than raw similarity: try them first.
        scores = match(build_query(query_terms(outcome.suggestion), "and"), backend, shown)
        outcome.fallback = "suggestion"
        if not scores and getattr(backend, "supports_fuzzy", False):
            scores = match(Fuzzy(" ".join(required), unaccent=True), backend, shown)
            outcome.fallback = "fuzzy"
        all_words = set()
    return Matches(scores, named, regions, all_words)


def _without_type_parts(terms):
    """A compound ending in a word that names a type stands for its other parts and the type:
    "hjertesviktkurs" → "hjertesvikt", "kurs" (so it favours courses, as "kurs i …" does)."""
    result = []
    for term in terms:
        parts = split(term)
        if parts and not _type_named([term]) and _type_named([parts[-1]]):
            result.extend(parts)
        else:
            result.append(term)
    return result


def _close_suggestion(terms):
    """The spelling suggestion for ``terms`` when every corrected word is a typo away from the
    word written ("demenns" → "demens"), else None ("boliglån" is not a misspelt "boligen")."""
    suggestion = suggest(terms)
    if not suggestion:
        return None
    corrected = query_terms(suggestion)
    if len(corrected) != len(terms):
        return suggestion
    if all(close_enough(a, b) for a, b in zip(terms, corrected, strict=True) if a != b):
        return suggestion
    return None


def autocomplete(text, *, limit=AUTOCOMPLETE_LIMIT, backend=None):
    """Up to ``limit`` live resource pages whose titles start with what was typed."""
    # Words the text handling drops (stop words) still complete as typed; signs alone do not.
    typed = [word for word in clean_query(text).split() if any(c.isalnum() for c in word)]
    query = " ".join(search_terms(text) or typed[:MAX_TERMS])
    if not query:
        return []
    ids = completions(query, limit, backend)
    pages = _resource_pages().filter(pk__in=ids).in_bulk()
    return [pages[pk] for pk in ids if pk in pages]
