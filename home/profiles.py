"""The region profile the menu and footer show: that of the region whose pages the visitor is
on, else of the visitor's area ("Mitt område"); none on national pages without an area.

Which region applies is known without a query for a routed page (home/routing.py keeps the
pages above it), so the menu's and footer's cache key costs nothing. What they show of each
region (its name, logo, e-mail, telephone and local links, from its published region page)
is one cached map for all regions (regions/cached.py), forgotten when a page is published,
unpublished, moved or deleted (a region page, or a page a link leads to) and when a logo
changes (home/signals.py): a menu or footer made again after a publication reads it from the
cache, and only the first one after a change reads the region pages (three queries).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from home.models import RegionPage
from regions.area import current_area
from regions.cached import forget, remembered
from regions.locales import active_locale, default_locale

PROFILES_CACHE_KEY = "kb:region-profiles"
# A region page sits below a front page (depth 2): only pages deeper than that can be in one.
REGION_PAGE_DEPTH = 3
# The logo's rendition, on the region page and (smaller, by CSS) in the footer.
LOGO_SPEC = "max-320x120"


@dataclass(frozen=True)
class Logo:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class RegionProfile:
    """What the menu and footer show of a region (plain data, kept in the cache)."""

    page_id: int
    locale_id: int
    region_key: str  # the Region's translation key: the same region in every language
    name: str
    logo: Logo | None
    contact_email: str
    contact_phone: str
    menu_links: tuple  # ((label, url), …)
    footer_links: tuple

    @property
    def in_footer(self):
        """Whether the footer has anything of the region's to show."""
        return bool(self.logo or self.contact_email or self.contact_phone or self.footer_links)


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


def _links(stream):
    """[(label, page id, url)] of a links field, from its stored data (no query)."""
    links = []
    for child in stream.raw_data:
        value = child.get("value") or {}
        label = (value.get("label") or "").strip()
        if label and (value.get("page") or value.get("url")):
            links.append((label, value.get("page"), value.get("url") or ""))
    return links


def _resolved(links, pages, request):
    """((label, url), …): external addresses as they are, pages (published ones) by URL."""
    found = []
    for label, pk, url in links:
        if pk:
            page = pages.get(pk)
            url = page.get_url(request=request) if page is not None else None
        if url:
            found.append((label, url))
    return tuple(found)


def _logo(image):
    if image is None:
        return None
    rendition = image.get_rendition(LOGO_SPEC)
    return Logo(rendition.url, rendition.width, rendition.height)


def load_profiles(request=None):
    """{region page id: RegionProfile} of every published region page, in every language
    (the region pages, their logos' renditions and the pages their links lead to: three
    queries)."""
    region_pages = list(
        RegionPage.objects.live()
        .select_related("region", "logo")
        .prefetch_related("logo__renditions")
    )
    links = {page.pk: (_links(page.menu_links), _links(page.footer_links)) for page in region_pages}
    ids = {pk for pair in links.values() for kind in pair for _label, pk, _url in kind if pk}
    targets = {page.pk: page for page in Page.objects.live().filter(pk__in=ids)} if ids else {}
    return {
        page.pk: RegionProfile(
            page_id=page.pk,
            locale_id=page.locale_id,
            region_key=str(page.region.translation_key),
            name=page.title,
            logo=_logo(page.logo),
            contact_email=page.contact_email,
            contact_phone=page.contact_phone,
            menu_links=_resolved(links[page.pk][0], targets, request),
            footer_links=_resolved(links[page.pk][1], targets, request),
        )
        for page in region_pages
    }


def _choose(profiles):
    """The profile in the visitor's language, else in the source language, else any."""
    by_locale = {profile.locale_id: profile for profile in profiles}
    for locale in (active_locale(), default_locale()):
        if locale.pk in by_locale:
            return by_locale[locale.pk]
    return profiles[0] if profiles else None


def region_profile(request, page):
    """The RegionProfile the menu and footer show for this request and page, or None."""
    source = profile_source(request, page)
    if source is None:
        return None
    profiles = remembered(PROFILES_CACHE_KEY, lambda: load_profiles(request))
    kind, value = source
    if kind == "page":
        return profiles.get(value)
    key = str(value.translation_key)
    return _choose([profile for profile in profiles.values() if profile.region_key == key])


def forget_profiles(**kwargs):
    """Signal receiver: a page changed (a region page, or a page a local link leads to)."""
    forget(PROFILES_CACHE_KEY)


def logo_changing(sender, instance, **kwargs):
    """Signal receiver (an image saved, or about to be deleted): when it is a region's logo,
    the cached profiles are forgotten (the menu and footer that show it expire with every
    image change: home/signals.py). Deleting a logo empties the region page's field without a
    publication, so this is the only notice they get."""
    if RegionPage.objects.filter(logo_id=instance.pk).exists():
        forget(PROFILES_CACHE_KEY)
