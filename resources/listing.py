"""What an index (listing) page shows: filtered, area-ordered, paginated resources."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q

from home.area import current_area
from home.regions import region_page_for, regions_for_locale
from resources.filters import NATIONAL, ListingFilterForm
from resources.ownership import for_area
from resources.types import model_for


def resources_of_type(type_slug, locale):
    """Live, public resources of one type, with what cards need fetched up front."""
    return (
        model_for(type_slug)
        .objects.live()
        .public()
        .filter(locale=locale)
        .select_related("owner_region", "image")
        # Renditions too: cards render the list image without one query per card.
        .prefetch_related("topics", "areas", "image__renditions")
    )


def apply_filters(queryset, filters):
    """Narrow by region (owned by or shared into it; or national), topic and audience slugs."""
    from resources.models import ResourcePage

    region = filters.get("region")
    if region == NATIONAL:
        queryset = queryset.filter(owner_region__isnull=True)
    elif region:
        shared = ResourcePage.areas.through.objects.filter(
            resourcepage_id=OuterRef("pk"), region__slug=region
        )
        queryset = queryset.filter(Q(owner_region__slug=region) | Exists(shared))
    if filters.get("topic"):
        queryset = queryset.filter(
            Exists(
                ResourcePage.topics.through.objects.filter(
                    resourcepage_id=OuterRef("pk"), topic__slug=filters["topic"]
                )
            )
        )
    if filters.get("audience"):
        queryset = queryset.filter(
            Exists(
                ResourcePage.audiences.through.objects.filter(
                    resourcepage_id=OuterRef("pk"), audience__slug=filters["audience"]
                )
            )
        )
    return queryset


def listing_context(request, index_page):
    from resources.models import Audience, Topic

    locale = index_page.locale
    region_page = region_page_for(index_page)
    # A regional index shows what its region sees; a national one follows "Mitt område".
    area = region_page.region if region_page else current_area(request)
    form = ListingFilterForm(
        request.GET,
        regions=regions_for_locale(locale),
        topics=Topic.objects.filter(locale=locale),
        audiences=Audience.objects.filter(locale=locale),
        with_region=region_page is None,
    )
    filters = form.active()
    queryset = apply_filters(resources_of_type(index_page.listing_type, locale), filters)
    queryset = for_area(queryset, area, *index_page.listing_ordering)
    queryset = index_page.filter_listing(queryset, request)
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
