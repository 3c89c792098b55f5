"""The search page (/sok/) and the JSON API (/api/search/, /api/search/autocomplete/).

Thin on purpose: parameters are read by search/params.py, the search itself is search/query.py.
Each counts towards the client's rate limit (guards/limits.py) before any search runs.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from guards.limits import rate_limited
from regions.area import current_area
from regions.locales import active_locale, default_locale
from regions.lookup import NATIONAL, regions_for_locale
from resources.models import Audience, Topic
from resources.registry import resource_types
from resources.taxonomy import terms
from search.pages import page_type
from search.params import InvalidSearch, parse_params
from search.query import FACETS, MAX_PAGE_SIZE, SearchParams, autocomplete
from search.query import search as run_search
from search.querylog import log_search, promotions_for
from search.serializers import outcome_json
from search.terms import clean_query


def _run(params, request, specific=True):
    outcome = run_search(params, area=current_area(request), specific=specific)
    if params.page == 1:
        outcome.promotions = promotions_for(clean_query(params.query))
    return outcome


@require_GET
@rate_limited("search", json=True)
def search_api(request):
    try:
        params = parse_params(request.GET, strict=True)
    except InvalidSearch as error:
        return JsonResponse({"error": str(error)}, status=400)
    response = JsonResponse(outcome_json(_run(params, request, specific=False), request))
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@rate_limited("autocomplete", json=True)
def autocomplete_api(request):
    text = request.GET.get("q") or ""
    if len(text) > 200:
        return JsonResponse({"error": _("Søket er for langt (maks 200 tegn).")}, status=400)
    pages = autocomplete(text.replace("\x00", " "))
    return JsonResponse(
        {
            "query": clean_query(text),
            "results": [
                {"id": page.pk, "title": page.title, "url": page.get_url(request=request)}
                for page in pages
            ],
        }
    )


class _Window:
    """Lets Django's Paginator page over a search whose current page is already fetched."""

    def __init__(self, outcome):
        self.outcome = outcome

    def __len__(self):
        return self.outcome.count

    def __getitem__(self, window):
        return self.outcome.results


@rate_limited("search")
def search_page(request):
    params = parse_params(request.GET, strict=False)
    outcome = _run(params, request)
    query = clean_query(params.query)
    if query and params.page == 1:
        log_search(request, query, outcome.count)
    paginator = Paginator(_Window(outcome), params.page_size)
    page = paginator.get_page(params.page)
    if page.number != params.page:  # past the end: show the last page's results
        outcome = _run(SearchParams(**{**params.__dict__, "page": page.number}), request)
        page = Paginator(_Window(outcome), params.page_size).get_page(page.number)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "outcome": outcome,
            "results": page,
            "facet_links": facet_links(request, outcome),
            "other_pages": [
                {"page": page, "type": page_type(page), "language": page.locale.language_code}
                for page in outcome.pages
            ],
            "max_page_size": MAX_PAGE_SIZE,
        },
    )


def facet_links(request, outcome):
    """For each facet, its values as links that toggle the filter (work without JavaScript)."""

    def names(terms_in):
        # The visitor's language where a translation exists, else the source (bokmål) name.
        by_slug = {}
        for locale in dict.fromkeys([default_locale(), active_locale()]):
            by_slug.update({term.slug: term.name for term in terms_in(locale)})
        return by_slug

    labels = {
        "type": {kind.key: str(kind.section_label) for kind in resource_types()},
        "region": {NATIONAL: _("Nasjonalt"), **names(regions_for_locale)},
        "topic": names(lambda locale: terms(Topic, locale)),
        "audience": names(lambda locale: terms(Audience, locale)),
    }
    groups = []
    for name in FACETS:
        current = getattr(outcome.params, name)
        items = []
        for value, count in outcome.facets.get(name, {}).items():
            query = request.GET.copy()
            query.pop("page", None)
            selected = value == current
            if selected:
                query.pop(name, None)
            else:
                query[name] = value
            items.append(
                {
                    "value": value,
                    "label": labels[name].get(value, value),
                    "count": count,
                    "selected": selected,
                    "href": "?" + query.urlencode(),
                }
            )
        groups.append({"name": name, "items": items, "current": current})
    return groups
