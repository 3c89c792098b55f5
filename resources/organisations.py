"""The public pages of the organisations credited on resources (URLs in organisation_urls.py):
/samarbeidspartnere/ lists them by type, /samarbeidspartnere/<slug>/ shows one with the
resources it made or helped make.

An organisation's resources are the listed ones (live, public, in the visitor's language),
chosen and ordered by the area rules of resources/models/queryset.py as a national list is:
with an area chosen, what a visitor there sees, its own items first.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from partners.models import Organisation, OrganisationKind
from regions.area import current_area
from regions.locales import active_locale, default_locale
from regions.lookup import region_by_slug, regions_for_locale
from resources.cards import paginate_ids
from resources.models import ResourcePage

PER_PAGE = 12


def _in_language(organisations, locale):
    """Each organisation once (by translation key): in ``locale`` where translated, else in the
    source language; ``organisations`` holds both."""
    found = {}
    for organisation in sorted(organisations, key=lambda org: org.locale_id != locale.pk):
        found.setdefault(organisation.translation_key, organisation)
    return sorted(found.values(), key=lambda org: (org.name.casefold(), org.pk))


def organisation_for(slug, locale):
    """The organisation with this slug in ``locale``, else in the source language, or None."""
    if not slug or len(slug) > 80:
        return None
    locales = {locale.pk, default_locale().pk}
    found = Organisation.objects.filter(slug=slug, locale_id__in=locales).prefetch_related(
        "regions"
    )
    organisations = _in_language(found, locale)
    return organisations[0] if organisations else None


def credited_resources(organisation, locale, area):
    """The resources ``organisation`` made or co-made that a visitor in ``area`` (None: any)
    sees in ``locale``, ordered as lists are: the area's own first, then newest."""
    queryset = ResourcePage.objects.listed(locale).prefetch_related(None)
    return queryset.credited_to(organisation).seen_from(area, *ResourcePage.listing_ordering)


def resource_page(queryset, number):
    """One page of ``queryset`` as resource cards (their own page types, with what cards show):
    the ids of the page, and the cards not kept as markup in one query whatever their types."""
    return paginate_ids(queryset, PER_PAGE, number, load=_cards)


def _cards(ids):
    return ResourcePage.objects.filter(pk__in=ids).for_cards().specific_pages()


def organisation_page(request, slug):
    locale = active_locale()
    organisation = organisation_for(slug, locale)
    if organisation is None:
        raise Http404
    area = current_area(request)
    items = resource_page(credited_resources(organisation, locale, area), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "resources/organisation_page.html",
        {
            "organisation": organisation,
            "regions": list(organisation.regions.all()),
            "items": items,
            "listing_area": area,
            "page_query": query.urlencode(),
        },
    )


def organisations_by_kind(organisations):
    """[(kind label, [organisations])] in the order of OrganisationKind, empty kinds left out."""
    groups = {kind: [] for kind in OrganisationKind.values}
    for organisation in organisations:
        groups.setdefault(organisation.kind, []).append(organisation)
    labels = dict(OrganisationKind.choices)
    return [(labels.get(kind, kind), members) for kind, members in groups.items() if members]


def organisation_list(request):
    locale = active_locale()
    regions = regions_for_locale()
    region = region_by_slug(request.GET.get("region", "").strip())
    organisations = Organisation.objects.filter(locale_id__in={locale.pk, default_locale().pk})
    if region is not None:
        # By the source organisation's regions: a translation is the same organisation.
        in_region = Organisation.objects.filter(regions=region).values("translation_key")
        organisations = organisations.filter(translation_key__in=in_region)
    organisations = _in_language(organisations.prefetch_related("regions"), locale)
    return render(
        request,
        "resources/organisation_list.html",
        {
            "groups": organisations_by_kind(organisations),
            "regions": regions,
            "region": region,
        },
    )


class OrganisationSitemap(Sitemap):
    """The organisations' pages in sitemap.xml (beside Wagtail's pages), at their bokmål
    addresses."""

    def items(self):
        return Organisation.objects.filter(locale=default_locale()).order_by("name", "pk")

    def location(self, organisation):
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("organisation", args=[organisation.slug])
