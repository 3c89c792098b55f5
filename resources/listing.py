"""What an index (listing) page shows: filtered, area-ordered, paginated resources; and where
the old site's page addresses of a list (/aktuelt/page/2) went."""

from django.http import Http404, HttpResponsePermanentRedirect

from regions.area import current_area
from regions.lookup import kept_region_for, regions_for_locale
from resources.cards import paginate_ids
from resources.filters import PAST_PARAMETER, ListingFilterForm
from resources.models.taxonomy import Audience, Topic
from resources.registry import model_for
from resources.taxonomy import terms


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
    region = kept_region_for(index_page)
    # A regional index shows what its region sees; a national one follows "Mitt område".
    area = region or current_area(request)
    form = ListingFilterForm(
        request.GET,
        regions=regions_for_locale(locale),
        topics=terms(Topic, locale),
        audiences=terms(Audience, locale),
        with_region=region is None,
    )
    filters = form.active()
    model = model_for(index_page.listing_type)
    queryset = filtered(model.objects.listed(locale), filters)
    queryset = index_page.filter_listing(queryset.seen_from(area, *model.listing_ordering), request)
    page = paginate_ids(
        queryset,
        index_page.per_page,
        request.GET.get("page"),
        load=lambda ids: model.objects.filter(pk__in=ids).for_cards(),
    )
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        "filters_key": filters_cache_key(request, index_page, form),
        "filters_active": bool(filters),
        "items": page,
        "listing_area": area,
        "page_query": query.urlencode(),
    }


def filters_cache_key(request, index_page, form):
    """What the filter form's markup depends on besides the language and the content's
    version (includes/listing_filters.html): the list, the host, past events or not, and the
    chosen values; None when a value is not one of the choices (the form shows an error and
    is not kept, so typed values never fill the cache)."""
    if form.errors:
        return None
    chosen = ":".join(str(form.cleaned_data.get(name) or "") for name in form.fields)
    past = int(bool(request.GET.get(PAST_PARAMETER)))
    return f"{index_page.pk}:{request.get_host()}:{past}:{chosen}"


def legacy_page_redirect(request, index_page, number):
    """The old site's /aktuelt/page/<number>/: permanently to the list's ?page=<number> (the
    other query parameters kept). Anything but a page number from 1 is not found, as is a
    number longer than any list could need (and than Python's int() reads: 4,300 digits)."""
    if not (number.isascii() and number.isdigit()) or len(number) > 18 or int(number) < 1:
        raise Http404
    query = request.GET.copy()
    query["page"] = str(int(number))
    return HttpResponsePermanentRedirect(f"{index_page.get_url(request)}?{query.urlencode()}")
