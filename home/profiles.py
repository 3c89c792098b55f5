"""The region profile the menu and footer show: that of the region whose pages the visitor is
on, else of the visitor's area ("Mitt område"); none on national pages without an area.

A profile is read from the region's published region page (its name, logo, contact details
and local links) only when the cached menu or footer is built: which region applies is known
without a query for a routed page (home/routing.py keeps the pages above it), so the
fragments' cache key costs nothing. Publishing the region page expires the fragments, as any
publication does (home/signals.py).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from home.models import RegionPage
from home.navigation import expire_fragments
from regions.area import current_area
from regions.locales import active_locale, default_locale

# A region page sits below a front page (depth 2): only pages deeper than that can be in one.
REGION_PAGE_DEPTH = 3


@dataclass
class RegionProfile:
    page: RegionPage  # the region's published region page, in the visitor's language if any
    menu_links: list = field(default_factory=list)  # [(label, url)]
    footer_links: list = field(default_factory=list)

    @property
    def name(self):
        return self.page.title

    @property
    def in_footer(self):
        """Whether the footer has anything of the region's to show."""
        page = self.page
        return bool(page.logo_id or page.contact_email or page.contact_phone or self.footer_links)


def region_page_id(page):
    """The id of the region page ``page`` is (or is below), or None. No query for a page
    that was routed (its ``route_ancestors``); a preview asks the tree."""
    if not isinstance(page, Page) or page.depth is None or page.depth < REGION_PAGE_DEPTH:
        return None
    if isinstance(page, RegionPage):
        return page.pk
    if page.depth == REGION_PAGE_DEPTH:
        return None
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors()
    region_type = ContentType.objects.get_for_model(RegionPage).pk
    return next(
        (
            ancestor.pk
            for ancestor in reversed(list(ancestors))
            if ancestor.content_type_id == region_type
        ),
        None,
    )


def profile_source(request, page):
    """("page", region page id) on a region's pages, ("area", Region) for a visitor with an
    area elsewhere, or None."""
    pk = region_page_id(page)
    if pk is not None:
        return ("page", pk)
    area = current_area(request) if request is not None else None
    return ("area", area) if area is not None else None


def profile_key(request, page):
    """What the cached menu and footer depend on besides language and version: a short
    string naming the profile they show ("" for none)."""
    source = profile_source(request, page)
    if source is None:
        return ""
    kind, value = source
    return f"page-{value}" if kind == "page" else f"area-{value.slug}"


def _choose(pages):
    """The region page in the visitor's language, else in the source language, else any."""
    by_locale = {page.locale_id: page for page in pages}
    for locale in (active_locale(), default_locale()):
        if locale.pk in by_locale:
            return by_locale[locale.pk]
    return pages[0] if pages else None


def _links(stream):
    """[(label, page id, url)] of a links field, from its stored data (no query)."""
    links = []
    for child in stream.raw_data:
        value = child.get("value") or {}
        label = (value.get("label") or "").strip()
        if label and (value.get("page") or value.get("url")):
            links.append((label, value.get("page"), value.get("url") or ""))
    return links


def resolve_links(request, *streams):
    """[(label, url)] for each links field: external addresses as they are, pages by their
    URL (published pages only, fetched in one query for all the fields)."""
    raw = [_links(stream) for stream in streams]
    ids = {pk for links in raw for _label, pk, _url in links if isinstance(pk, int)}
    pages = {page.pk: page for page in Page.objects.live().filter(pk__in=ids)} if ids else {}
    resolved = []
    for links in raw:
        found = []
        for label, pk, url in links:
            if pk:
                page = pages.get(pk)
                url = page.get_url(request=request) if page is not None else None
            if url:
                found.append((label, url))
        resolved.append(found)
    return resolved


def region_profile(request, page):
    """The RegionProfile the menu and footer show for this request and page, or None
    (remembered on the request: the menu and the footer ask for it)."""
    memo = getattr(request, "_kb_region_profile", None)
    key = profile_key(request, page)
    if memo is not None and memo[0] == key:
        return memo[1]
    profile = _load_profile(request, profile_source(request, page))
    if request is not None:
        request._kb_region_profile = (key, profile)
    return profile


def _load_profile(request, source):
    if source is None:
        return None
    kind, value = source
    candidates = RegionPage.objects.live().select_related("region", "logo")
    if kind == "page":
        candidates = candidates.filter(pk=value)
    else:
        candidates = candidates.filter(region__translation_key=value.translation_key)
    region_page = _choose(list(candidates))
    if region_page is None:
        return None
    menu, footer = resolve_links(request, region_page.menu_links, region_page.footer_links)
    return RegionProfile(region_page, menu_links=menu, footer_links=footer)


def logo_changing(sender, instance, **kwargs):
    """Signal receiver (an image saved, or about to be deleted): when it is a region's logo,
    the cached menu and footer that show it expire (on commit). Deleting a logo empties the
    region page's field without a publication, so this is the only notice they get."""
    if RegionPage.objects.filter(logo_id=instance.pk).exists():
        expire_fragments()
