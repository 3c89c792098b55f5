"""The private parts of the page tree (Wagtail's page view restrictions), cached.

Wagtail asks the database on every page view (for the restrictions of the page and its
ancestors) and for every ``.public()`` queryset. A public portal has few restricted pages or
none, and they change only when an editor sets a page's privacy, so their tree paths are kept
in the cache (regions/cached.py) and forgotten when a restriction is saved or deleted or a
page moves.
"""

from django.db.models import Q

from wagtail.models import PageViewRestriction

from regions.cached import forgetter, remembered

CACHE_KEY = "kb:restricted-paths"

forget_restricted_paths = forgetter(CACHE_KEY)


def restricted_paths():
    """The tree paths of the pages that carry a view restriction (each heads a private
    subtree)."""
    return remembered(
        CACHE_KEY,
        lambda: tuple(
            sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        ),
    )


def private_q():
    """Wagtail's ``PageQuerySet.private_q()`` (in a private subtree) without its query."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)
    return condition if condition else Q(pk__in=[])


class CachedViewRestrictionsMixin:
    """For page models: no query for the view restrictions of a page while the site has none
    (Wagtail checks them before serving each page); with any, Wagtail's own lookup, which
    also follows aliases to their source page."""

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
