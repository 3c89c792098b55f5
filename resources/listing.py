"""What an index (listing) page shows: filtered, area-ordered, paginated resources."""

from django.core.paginator import Paginator

from regions.area import current_area
from regions.lookup import region_for, regions_for_locale
from resources.filters import ListingFilterForm
from resources.models.taxonomy import Audience, Topic
from resources.registry import model_for


def filtered(queryset, filters):
    """Narrow by region (NATIONAL, or owned by / shared into a region), topic and audience."""
    queryset = queryset.region_filter(filters.get("region"))
    if filters.get("topic"):
        queryset = queryset.with_topic(filters["topic"])
    if filters.get("audience"):
        queryset = queryset.with_audience(filters["audience"])
    return queryset


def listing_context(request, index_page):
    locale = index_page.locale
    region = region_for(index_page)
    # A regional index shows what its region sees; a national one follows "Mitt område".
    area = region or current_area(request)
    form = ListingFilterForm(
        request.GET,
        regions=regions_for_locale(locale),
        topics=Topic.objects.filter(locale=locale),
        audiences=Audience.objects.filter(locale=locale),
        with_region=region is None,
    )
    filters = form.active()
    model = model_for(index_page.listing_type)
    queryset = filtered(model.objects.listed(locale), filters)
    queryset = index_page.filter_listing(queryset.seen_from(area, *model.listing_ordering), request)
    page = Paginator(queryset, index_page.per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "filters_active": bool(filters),
        "items": page,
        "listing_area": area,
        "page_query": query.urlencode(),
    }
