"""Where each resource type's list is: the URL of its index page, found in the page tree in
the visitor's language and, when the visitor has chosen an area, in that region's own part
of the tree (falling back to the national list where the region has none)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, Site

from regions.locales import locale_for
from resources.registry import index_model_for, resource_types


def localized_root(request, locale):
    """The site's front page in ``locale`` (or the default one when not translated)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    if locale is None or root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale) or root


def _region_page(root, area):
    """The region's front page below ``root`` (same language), or None."""
    if area is None:
        return None
    return (
        Page.objects.child_of(root)
        .filter(regionpage__region__translation_key=area.translation_key)
        .only("path", "depth")
        .first()
    )


def _index_pages_below(root, area, content_type_ids):
    """{content type id: index page} directly below ``root`` and, with an area, below the
    region's page in the same tree, the region's own winning."""
    region_page = _region_page(root, area)
    parents = Q(path__startswith=root.path, depth=root.depth + 1)
    if region_page is not None:
        parents |= Q(path__startswith=region_page.path, depth=region_page.depth + 1)
    found = {}
    pages = Page.objects.live().filter(parents, content_type_id__in=content_type_ids)
    for page in pages.order_by("-depth"):  # the region's own list first
        found.setdefault(page.content_type_id, page)
    return found


def section_urls(request, language_code, area=None):
    """{type key: URL of the list it belongs to} for every resource type: in the visitor's
    language where that list is translated, else the source language's (a few queries,
    remembered on the request)."""
    memo = getattr(request, "_kb_section_urls", None) if request is not None else None
    key = (language_code, area.pk if area else None)
    if memo is not None and key in memo:
        return memo[key]
    models = {kind.key: index_model_for(kind.key) for kind in resource_types()}
    content_types = ContentType.objects.get_for_models(*set(models.values()))
    wanted = {model: content_types[model].pk for model in models.values()}
    locale = locale_for(language_code)
    roots = [localized_root(request, locale), localized_root(request, None)]
    pages = {}
    for root in dict.fromkeys(root for root in roots if root is not None):
        missing = [pk for pk in wanted.values() if pk not in pages]
        if missing:
            for content_type_id, page in _index_pages_below(root, area, missing).items():
                pages.setdefault(content_type_id, page)
    urls = {}
    for type_key, model in models.items():
        page = pages.get(wanted[model])
        url = page.get_url(request=request) if page is not None else None
        if url:
            urls[type_key] = url
    if request is not None:
        if memo is None:
            memo = request._kb_section_urls = {}
        memo[key] = urls
    return urls


def index_page_for(request, type_key, area=None):
    """The list page of ``type_key`` in the source language: the region's own when ``area``
    has one, else the national one (None when the tree has neither)."""
    root = localized_root(request, None)
    if root is None:
        return None
    content_type = ContentType.objects.get_for_model(index_model_for(type_key)).pk
    return _index_pages_below(root, area, [content_type]).get(content_type)
