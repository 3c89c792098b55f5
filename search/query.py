"""The one code path from a visitor's query to search results, used by the HTML page, the JSON
API, autocomplete and the relevance evaluation.

Queries are plain text: characters that search engines treat as syntax are neutralised, the
text is folded and split into Norwegian terms (search/text.py), acronyms are expanded, and the
search falls back from all terms, to any term, to a fuzzy match, so a typo still finds
something. Filters and facets are applied with the ORM on top of the engine's ranked matches,
so they behave the same on every backend.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, FloatField, Value, When

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from modelsearch.query import Fuzzy

from regions.lookup import regions_for_locale
from resources.models import ResourcePage
from resources.registry import model_for, resource_types, type_of
from search.compounds import split
from search.lexicon import close_enough, is_known, places_in
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
# Engines that return ids (Elasticsearch/OpenSearch) are asked for this many ranked hits.
ENGINE_HIT_LIMIT = 1000
# How much a query word that names a type (ResourceType.query_words) favours that type.
TYPE_BOOST = 1.5
# How much a place in the query ("kurs Hamar") favours items of that place's region.
PLACE_BOOST = 3.0
FACETS = ("type", "region", "topic", "audience")


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
    results: list = field(default_factory=list)  # specific pages, each with .search_score
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


def _visible(queryset):
    """Live, public, unexpired pages only."""
    return queryset.live().public().filter(expired=False)


def _ranked(backend, query):
    """Matching visible resource pages as a queryset annotated with ``_relevance`` (higher is
    better) and ordered by it."""
    base = _resource_pages().live()
    results = backend.search(query, base).annotate_score("_score")
    if hasattr(results, "get_queryset"):  # database backends: a real, lazy queryset
        queryset = results.get_queryset()
        # SQLite's bm25() is better when lower; PostgreSQL's ts_rank when higher.
        relevance = -F("_score") if backend.__class__.__name__.find("SQLite") >= 0 else F("_score")
        return _visible(queryset).annotate(_relevance=relevance)
    scores = {hit.pk: hit._score or 0.0 for hit in results[:ENGINE_HIT_LIMIT]}
    relevance = Case(
        *(When(pk=pk, then=Value(float(score))) for pk, score in scores.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return _visible(_resource_pages().filter(pk__in=list(scores))).annotate(_relevance=relevance)


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


def _facets(matches, params):
    """Counts per facet value. Each facet counts with the other facets' filters applied, so a
    visitor sees how many results choosing another value would give (disjunctive facets).
    A region counts what the region filter would give: items owned by it or shared into it."""
    matched = matches.values("pk")
    facets = {}
    for name, column in (
        ("type", "content_type"),
        ("region", None),
        ("topic", "topics__slug"),
        ("audience", "audiences__slug"),
    ):
        scoped = _filter(_resource_pages().filter(pk__in=matched), params.filters(skip=name))
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


def _boost(queryset, area, named_type):
    """Order by relevance, weighted up for the visitor's area, for the type the query names and
    for the region of a place it names; nothing is filtered out."""
    weight = Value(1.0)
    if named_type:
        content_type = ContentType.objects.get_for_model(model_for(named_type))
        weight = Case(
            When(content_type=content_type, then=Value(TYPE_BOOST)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    if area is not None:
        weight = weight * Case(
            When(queryset.in_region_q(area), then=Value(AREA_BOOST)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    if "_place" in queryset.query.annotations:  # a place named in the query (_text_matches)
        weight = weight * F("_place")
    ranked = queryset.annotate(_ranked=F("_relevance") * weight)
    return ranked.order_by("-_ranked", "-date", "-pk")


def _page_of(queryset, params):
    """The requested page of results as specific pages, in rank order, with ``search_score``."""
    start = (params.page - 1) * params.page_size
    rows = list(queryset.values_list("pk", "_ranked")[start : start + params.page_size])
    if not rows:
        return []
    pages = Page.objects.filter(pk__in=[pk for pk, _score in rows]).specific().in_bulk()
    results = []
    for pk, score in rows:
        page = pages.get(pk)
        if page is not None:
            page.search_score = float(score) if score is not None else None
            results.append(page)
    return results


def search(params, *, area=None, backend=None):
    """Run a search: ranked, filtered, paginated results with facets and a suggestion.

    Without query words but with a filter it browses: everything the filters select, newest
    first (the same items a listing with those filters shows). Without either: nothing.
    """
    outcome = SearchOutcome(params=params)
    terms = search_terms(params.query)
    outcome.pages = matching_pages(params.query, backend=backend) if params.page == 1 else []
    if terms:
        matches, named = _text_matches(outcome, terms, backend or get_search_backend())
    elif any(params.filters().values()):
        matches, named = _visible(_resource_pages()).annotate(_relevance=Value(1.0)), None
    else:
        return outcome
    filtered = _filter(matches, params.filters())
    outcome.count = filtered.count()
    outcome.facets = _facets(matches, params)
    outcome.results = _page_of(_boost(filtered, area, named), params)
    return outcome


def _text_matches(outcome, terms, backend):
    """(ranked matches, the type the query names) with the fallbacks recorded on ``outcome``:
    all terms, then any term, then the spelling suggestion, then a fuzzy match.

    Words that name a type ("kurs") or a place ("Hamar") favour that type or region instead of
    being required. The loose fallbacks are for words the site knows (search/lexicon.py): any
    term only when at least half the words are known, and only over those; the suggestion and
    the fuzzy match only when each corrected word is a typo away from a word of the content. A
    query about something the portal does not cover ("boliglån") finds nothing."""
    terms = _without_type_parts(terms)
    named = _type_named(terms)
    regions, place_words = places_in(terms)
    required = [t for t in terms if t not in place_words and not _type_named([t])]
    if not required and named and place_words:
        # Only a type and a place ("kurs Hamar"): that type's items, the place's first.
        content_type = ContentType.objects.get_for_model(model_for(named))
        matches = _visible(_resource_pages().filter(content_type=content_type))
        return _place_weighted(matches.annotate(_relevance=Value(1.0)), regions), named
    required = required or [t for t in terms if t not in place_words] or terms
    # A compound as written first ("pårørendearbeid"); its parts apart only when that finds
    # little ("hjertesviktkurs": items on hjertesvikt that are courses).
    matches = _ranked(backend, build_query(required, "and", compounds=False))
    total = matches.count()
    if total < FEW_HITS and any(split(term) for term in required):
        with_parts = _ranked(backend, build_query(required, "and"))
        if with_parts.count() > total:
            matches, total = with_parts, with_parts.count()
    if total == 0 and len(required) > 1:
        known = [term for term in required if is_known(term)]
        if known and 2 * len(known) >= len(required):
            matches = _ranked(backend, build_query(known, "or"))
            total = matches.count()
            outcome.fallback = "any_term" if total else None
    if total < FEW_HITS:
        outcome.suggestion = _close_suggestion(terms)
    if total == 0 and outcome.suggestion:
        # The corrected words rank better than raw similarity: try them first.
        matches = _ranked(backend, build_query(query_terms(outcome.suggestion), "and"))
        total = matches.count()
        outcome.fallback = "suggestion"
        if total == 0 and getattr(backend, "supports_fuzzy", False):
            matches = _ranked(backend, Fuzzy(" ".join(required), unaccent=True))
            outcome.fallback = "fuzzy"
    if len(place_words) == len(terms):  # only places ("Østfold"): the text decides
        return matches, named
    return _place_weighted(matches, regions), named


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


def _place_weighted(matches, regions):
    """``matches`` with ``_place``: how much the regions of places in the query favour each
    (read by _boost)."""
    if not regions:
        return matches
    return matches.annotate(
        _place=Case(
            *(When(matches.in_region_q(slug), then=Value(PLACE_BOOST)) for slug in regions),
            default=Value(1.0),
            output_field=FloatField(),
        )
    )


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
    backend = backend or get_search_backend()
    results = backend.autocomplete(query, _resource_pages().live())
    ids = []
    for page in results[: limit * 3]:
        if page.pk not in ids:
            ids.append(page.pk)
    visible = _visible(_resource_pages().filter(pk__in=ids)).in_bulk()
    return [visible[pk] for pk in ids if pk in visible][:limit]
