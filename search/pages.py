"""Other pages a query finds: standard pages (om oss, personvern, tilgjengelighetserklæring) and
region pages, listed apart from the resource results.

Resources keep their own ranking, facets and filters (search/query.py); these pages have none
of them, so they are a short list of their own above the results, on /sok/ and as ``pages`` in
the API. The query gets the same cleaning and term handling as the resource search.
"""

from django.db.models import Q
from django.utils.text import slugify

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import RegionPage, StandardPage
from regions.locales import active_locale
from resources.restrictions import private_q
from search.matching import pages_scores
from search.terms import build_query, clean_query, search_terms

PAGE_LIMIT = 5
# The page types searched here, with the key the API gives as a page's "type".
PAGE_TYPES = {StandardPage: "standard", RegionPage: "region"}
# Hits fetched before private, expired and duplicate-language pages are dropped.
CANDIDATES_PER_PAGE = 4


def matching_pages(text, *, limit=PAGE_LIMIT, backend=None):
    """Up to ``limit`` live, public pages of PAGE_TYPES matching ``text``, best first.

    All query words must match; if no page has all of them, any word may. A query of stop
    words only ("om oss") finds the page with that title or slug (/om-oss/). Pages in any
    language are found, but of a page and its translations only one is listed: the one in the
    visitor's language when it matches, and pages in that language come first.
    """
    if limit <= 0:
        return []
    terms = search_terms(text)
    if not terms:
        return _one_per_translation(_named(clean_query(text)))[:limit]
    backend = backend or get_search_backend()
    hits = _hits(backend, build_query(terms, "and"), limit)
    if not hits and len(terms) > 1:
        hits = _hits(backend, build_query(terms, "or"), limit)
    return _one_per_translation(hits)[:limit]


def page_type(page):
    """The API's "type" for a page found here ("standard", "region")."""
    return PAGE_TYPES.get(page.specific_class)


def _hits(backend, query, limit):
    """Matching visible pages in rank order: the page types' matches as ids and scores (one
    statement, or a request per type to an engine: search/matching.py), then the visible ones
    in one query."""
    wanted = limit * CANDIDATES_PER_PAGE
    scores = pages_scores(backend, query, list(PAGE_TYPES), wanted)
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))[:wanted]
    return _visible_in_order(ranked) if ranked else []


def _named(typed):
    """Visible pages whose title or slug is ``typed`` (words the text search drops)."""
    slug = slugify(typed)
    if not slug:
        return []
    named = Page.objects.live().type(*PAGE_TYPES).filter(Q(slug=slug) | Q(title__iexact=typed))
    return _visible_in_order(list(named.order_by("path").values_list("pk", flat=True)))


def _visible_in_order(ranked):
    visible = (
        Page.objects.filter(pk__in=ranked)
        .live()
        .exclude(private_q())  # public(), without its query (resources/restrictions.py)
        .filter(expired=False)
        .select_related("locale")
        .in_bulk()
    )
    return [visible[pk] for pk in ranked if pk in visible]


def _one_per_translation(pages):
    """One page per translation group (the visitor's language when it is there), pages in the
    visitor's language first, rank order otherwise."""
    active = active_locale()
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (page.locale_id == active.pk and current.locale_id != active.pk):
            chosen[page.translation_key] = page
    kept = [page for page in pages if chosen[page.translation_key] is page]
    return sorted(kept, key=lambda page: page.locale_id != active.pk)
