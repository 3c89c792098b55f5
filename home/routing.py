"""Routing a request to its page in two queries, however deep the page is.

Wagtail's ``Page.route()`` walks down the tree a level at a time, with two queries a level (the
child by its slug, then the child's specific page). The front page routes instead: it fetches
the pages along the URL in one query (by ``url_path``, which Wagtail keeps as the parent's plus
the slug) and then the page that is served, with what its view needs (``page_view_related``).
A page on the way that routes the rest of the URL itself (a RoutablePageMixin page whose own
routes match it, or any other own ``route()``) takes over there, as in Wagtail's walk.

The served page, with its related rows, is kept in the cache (``kept_served_page``): building
it is most of a page view's database work (a query with joins and one per prefetched
relation). Its key holds what the first query read of the page's own row, so publishing,
unpublishing or moving it misses at once in every process; a change to a related row (a
topic's name, an organisation, an image) moves the content version on (home/signals.py).
"""

from django.core.cache import cache
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from regions.cached import fragment_version, lifetime
from regions.locales import attach_locale


def _routes_itself(page, model, remaining):
    """Whether ``page`` (of ``model``) answers the path ``remaining`` itself rather than
    handing it to a child page, as its ``route()`` would decide."""
    if model.route is Page.route:
        return False
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


def served_page(page, model=None):
    """``page`` as its specific model, with the related rows its view reads fetched along
    (the model's ``page_view_related``: {"select": [...], "prefetch": [...]})."""
    model = model or page.specific_class or type(page)
    related = getattr(model, "page_view_related", {})
    queryset = model._default_manager.filter(pk=page.pk)
    if related.get("select"):
        queryset = queryset.select_related(*related["select"])
    if related.get("prefetch"):
        queryset = queryset.prefetch_related(*related["prefetch"])
    specific = queryset.first()
    if specific is None:  # deleted in between
        raise Http404
    return attach_locale(specific)


def served_page_key(page):
    """The cache key of ``page``'s served form: its own row as the routing query read it
    (Wagtail's ``cache_key``: id, url_path, last published) and whether it is live, under the
    content version."""
    return f"kb:served:{fragment_version()}:{page.cache_key}:{int(page.live)}"


def kept_served_page(page, model):
    """``served_page(page, model)``, from the cache when this state of the page was served
    before."""
    key = served_page_key(page)
    specific = cache.get(key)
    if specific is None:
        specific = served_page(page, model)
        cache.set(key, specific, lifetime())
        return specific
    return attach_locale(specific)


def route_below(root, request, path_components):
    """Wagtail's ``route()`` result for ``path_components`` (not empty) below ``root``, the
    front page. The served page keeps the pages above it in ``route_ancestors`` (from the
    front page down), for the breadcrumbs."""
    prefixes = []
    for component in path_components:
        prefixes.append((prefixes[-1] if prefixes else root.url_path) + component + "/")
    found = {
        page.url_path: page
        for page in Page.objects.filter(slug__in=set(path_components), url_path__in=prefixes)
    }
    parent, model = root, type(root)
    ancestors = []
    for index, url_path in enumerate(prefixes):
        rest = path_components[index:]
        if parent is not root and _routes_itself(parent, model, rest):
            break
        page = found.get(url_path)
        if page is None:
            raise Http404
        ancestors.append(parent)
        parent, model = page, page.specific_class or Page
    else:
        rest = []
    page = kept_served_page(parent, model)
    page._cached_parent_obj = ancestors[-1]
    page.route_ancestors = ancestors
    return page.route(request, rest)
