"""Which addresses show a page: what the front door's cache must forget when the page is
published, unpublished, moved or deleted (signals.py sends them to purge.py).

A page shows on its own address (and its translations on theirs), on the pages above it (its
list, a podcast's series, its region's page, the front page), on every list of its type and
every region's front page (national items appear in every area, local ones in the areas they
are shared into: all of them is simpler than the area rules and costs a few purges), on every
theme page (those of its topics before and after the change), on pages that pick or link it
(Wagtail's reference index: curated picks, resource lists, a network's resources), on the pages
of the organisations credited on it and, for a network's meeting, on the network's page (both
as they are now and as the last published version had them), and news in the news feeds.
Sub-routes without arguments (a podcast series' feed/) are listed with their page.

What this cannot reach, the cache lifetime (settings.PAGE_CACHE_SECONDS) bounds: the menu and
footer on every other page, snippets (regions, topics), replaced images, and any address with
a query string (filters, later pages of a list, searches: PAGE_CACHE_QUERY_SECONDS).
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex

from home.models import HomePage, RegionPage
from partners.models import Organisation
from regions.models import Region
from resources.models import EventPage, NewsPage, ResourcePage, ThemePage
from resources.registry import index_model_for, type_of

NEWS_FEEDS = ("news_feed_rss", "news_feed_atom")
AREA_NEWS_FEEDS = ("area_news_feed_rss", "area_news_feed_atom")


def pages_showing(page):
    """The pages whose content includes ``page``: itself and its translations first, then the
    live pages in its language that show it. Each once."""
    page = page.specific
    found = {page.pk: page}
    related = [
        page.get_translations(),
        page.get_ancestors().filter(depth__gt=1),
        Page.objects.type(HomePage, RegionPage).filter(locale_id=page.locale_id).live(),
    ]
    kind = type_of(page)
    if kind is not None:
        related.append(
            Page.objects.type(index_model_for(kind.key)).filter(locale_id=page.locale_id).live()
        )
        # Every theme page, not only its topics' ones: the topics it had before this change
        # are no longer known when the page is published (a handful of pages per language).
        related.append(ThemePage.objects.filter(locale_id=page.locale_id).live())
    related.append(Page.objects.filter(pk__in=referring_page_ids(page)).live())
    if isinstance(page, EventPage):
        before = previously_published(page).get("network")
        related.append(Page.objects.filter(pk__in=[page.network_id, before]).live())
    for queryset in related:
        for other in queryset.specific(defer=True):
            found.setdefault(other.pk, other)
    return list(found.values())


def referring_page_ids(page):
    """Ids of pages whose content refers to ``page`` (page choosers, links), from Wagtail's
    reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    return [
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type=page_type, to_object_id=str(page.pk)
        ).values_list("object_id", flat=True)
        if object_id.isdigit()
    ]


def previously_published(page):
    """The content of the revision published before the current one ({} if none): what the
    page showed before this change, so the pages that showed that can be told too."""
    # The live revision as stored: an instance kept from before the publish has the old one.
    live = Page.objects.filter(pk=page.pk).values_list("live_revision_id", flat=True).first()
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .exclude(revision__isnull=True)
        .exclude(revision_id=live)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.content if entry is not None else {}


def organisation_urls(page):
    """The pages of the organisations credited on ``page`` (resources/organisations.py), now
    and in its last published version, in the page's language."""
    if not isinstance(page, ResourcePage):
        return []
    before = previously_published(page)
    ids = {page.made_by_id, before.get("made_by"), *before.get("made_with", [])}
    ids.update(organisation.pk for organisation in page.made_with.all())
    credited = Organisation.objects.filter(pk__in=[pk for pk in ids if pk])
    keys = credited.values("translation_key")
    # Its own slug, and its translation's in the page's language (that page lists it too).
    slugs = set(credited.values_list("slug", flat=True))
    slugs.update(
        Organisation.objects.filter(translation_key__in=keys, locale_id=page.locale_id).values_list(
            "slug", flat=True
        )
    )
    site = page.get_site()
    if site is None or not slugs:
        return []
    with translation.override(page.locale.language_code):
        paths = [reverse("organisation", args=[slug]) for slug in sorted(slugs) if slug]
    return [site.root_url + path for path in paths]


def page_urls(page, url_path=None):
    """The full URL of ``page`` and of its argument-free sub-routes; with ``url_path``, where
    the page was before a move or a new slug."""
    if url_path is not None and url_path != page.url_path:
        page = copy.copy(page)
        page.url_path = url_path
    url = page.get_full_url()
    if url is None:  # not routable: outside every site
        return []
    urls = [url]
    if isinstance(page, RoutablePageMixin):
        for route in page.get_subpage_urls():
            try:
                urls.append(url + page.reverse_subpage(route.name).lstrip("/"))
            except NoReverseMatch:  # a route with arguments (an exam's lesson …)
                continue
    return urls


def feed_urls(page):
    """The news feeds, national and per area, when ``page`` is news."""
    if not isinstance(page.specific, NewsPage):
        return []
    site = page.get_site()
    if site is None:
        return []
    paths = [reverse(name) for name in NEWS_FEEDS]
    for slug in Region.objects.filter(locale=Locale.get_default()).values_list("slug", flat=True):
        paths += [reverse(name, args=[slug]) for name in AREA_NEWS_FEEDS]
    return [site.root_url + path for path in paths]


def urls_showing(page):
    """Every address whose cached copy may show ``page`` (before area variants: purge.py)."""
    urls = []
    for shown_on in pages_showing(page):
        urls += page_urls(shown_on)
    urls += organisation_urls(page.specific)
    urls += feed_urls(page)
    return list(dict.fromkeys(urls))


def urls_before_move(page, url_path_before, url_path_after):
    """Where ``page`` and the pages below it were before their address changed: those cached
    copies must go (the new addresses were not cached)."""
    urls = page_urls(page, url_path_before)
    for descendant in page.get_descendants().specific(defer=True):
        if descendant.url_path.startswith(url_path_after):
            old_path = url_path_before + descendant.url_path[len(url_path_after) :]
            urls += page_urls(descendant, old_path)
    return list(dict.fromkeys(urls))
