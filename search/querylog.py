"""What visitors search for: every query in Wagtail's query log (search_promotions Query and
QueryDailyHits), the ones that found nothing in ours (search.models.ZeroResultDay), and the
editors' picks (Wagtail search promotions) for a query."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from search.models import ZeroResultDay


def log_search(text, count):
    """Count one search for ``text`` that gave ``count`` results."""
    if not normalise_query_string(text):
        return
    query = Query.get(text)
    query.add_hit()
    if count == 0:
        ZeroResultDay.record(query)


def promotions_for(text):
    """Editors' picks for ``text`` in their order; picks of unpublished pages are left out."""
    normalised = normalise_query_string(text)
    if not normalised:
        return []
    picks = SearchPromotion.objects.filter(query__query_string=normalised).select_related("page")
    return [pick for pick in picks if pick.page is None or pick.page.live]
