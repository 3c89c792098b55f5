"""Search results as the JSON the API promises (one place, used by the API and its tests)."""

from django.core.cache import cache
from django.utils.html import strip_tags

from regions.cached import fragment_version, lifetime
from resources.cards import DeferredCards
from resources.models import ResourcePage
from resources.registry import type_of
from search.pages import page_type
from search.query import FACETS, ScoredResults


def result_json(page, request, topics):
    """A result as the API shows it, but its score (which depends on the query)."""
    kind = type_of(page.specific_class)  # a ResourcePage here (search/query.py)
    return {
        "id": page.pk,
        "source_id": getattr(page, "source_id", "") or None,
        "title": page.title,
        "url": page.get_url(request=request),
        "type": kind.key if kind else None,
        "region": page.owner_region.slug if getattr(page, "owner_region_id", None) else None,
        "topics": topics.get(page.pk, []),
        "summary": strip_tags(getattr(page, "summary", "") or ""),
    }


def result_key(request, pk, version):
    """A result's JSON depends on its page, its topics and region (whose changes move the
    content version on) and the host its address is made for."""
    return f"kb:result:{version}:{request.get_host()}:{pk}"


def results_json(results, request):
    """The API's results for ``results`` (ScoredResults, or a list of pages with
    ``search_score``): each result's JSON is kept until content changes, so only the pages
    not seen since are loaded (one query, and one for their topics)."""
    if not isinstance(results, DeferredCards):
        given = list(results)
        results = ScoredResults([(page.pk, page.search_score) for page in given], lambda _: given)
    version = fragment_version()
    keys = {pk: result_key(request, pk, version) for pk in results.ids}
    found = cache.get_many(list(keys.values()))
    wanted = [pk for pk in results.ids if keys[pk] not in found]
    pages = results.load(wanted) if wanted else {}
    topics = topics_by_page(pages.values()) if pages else {}
    made = {keys[pk]: result_json(page, request, topics) for pk, page in pages.items()}
    if made:
        cache.set_many(made, lifetime())
    shown = []
    for pk in results.ids:
        item = found.get(keys[pk]) or made.get(keys[pk])
        if item is not None:  # None: unpublished since the search
            shown.append({**item, "score": results.scores[pk]})
    return shown


def page_json(page, request):
    """A page from search/pages.py (standard or region page): no facets, no score."""
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request=request),
        "type": page_type(page),
    }


def topics_by_page(pages):
    links = ResourcePage.topics.through.objects.filter(
        resourcepage_id__in=[page.pk for page in pages]
    ).values_list("resourcepage_id", "topic__slug")
    topics = {}
    for page_id, slug in links.order_by("topic__slug"):
        topics.setdefault(page_id, []).append(slug)
    return topics


def outcome_json(outcome, request):
    return {
        "query": outcome.params.query.strip(),
        "count": outcome.count,
        "page": outcome.params.page,
        "page_size": outcome.params.page_size,
        "results": results_json(outcome.results, request),
        "facets": {name: outcome.facets.get(name, {}) for name in FACETS},
        "suggestion": outcome.suggestion,
        "pages": [page_json(page, request) for page in outcome.pages],
        "promoted": [
            {
                "title": pick.title,
                "url": pick.page.get_url(request=request) if pick.page else pick.external_link_url,
                "description": pick.description,
            }
            for pick in outcome.promotions
        ],
    }
