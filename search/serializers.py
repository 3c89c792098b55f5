"""Search results as the JSON the API promises (one place, used by the API and its tests)."""

from django.utils.html import strip_tags

from resources.models import ResourcePage
from resources.registry import type_of
from search.pages import page_type
from search.query import FACETS


def result_json(page, request, topics):
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
        "score": getattr(page, "search_score", None),
    }


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
    topics = topics_by_page(outcome.results)
    return {
        "query": outcome.params.query.strip(),
        "count": outcome.count,
        "page": outcome.params.page,
        "page_size": outcome.params.page_size,
        "results": [result_json(page, request, topics) for page in outcome.results],
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
