"""A page of a list known by its items' ids, whose pages are loaded only when needed.

A list's cards are kept as markup until content changes (templatetags/card_tags.py), so a
list page needs its items' ids (one plain query) more than the items themselves (a query
with joins and prefetches, and a model instance per row). ``paginate_ids`` pages through the
ids and leaves loading to ``DeferredCards``: the cards tag loads only the items whose card it
has not kept; anything else that reads the list gets every item, loaded once.
"""

from collections.abc import Sequence

from django.core.paginator import Paginator


class DeferredCards(Sequence):
    """The items with ``ids`` (in that order), loaded by ``load(ids)`` (an iterable of pages,
    in any order) when first needed."""

    def __init__(self, ids, load):
        self.ids = list(ids)
        self._load = load
        self._loaded = None

    def load(self, ids):
        """{id: page} of those of ``ids`` that still exist."""
        if self._loaded is not None:
            return {pk: self._loaded[pk] for pk in ids if pk in self._loaded}
        return {page.pk: page for page in self._load(list(ids))}

    def _pages(self):
        if self._loaded is None:
            self._loaded = self.load(self.ids)
        return [self._loaded[pk] for pk in self.ids if pk in self._loaded]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        return self._pages()[index]

    def __iter__(self):
        return iter(self._pages())


def paginate_ids(queryset, per_page, number, load):
    """Page ``number`` of ``queryset`` (Django's ``Paginator.get_page``: a bad or too high
    number gives the first or last page), its ``object_list`` a DeferredCards of its items'
    ids, loaded with ``load(ids)``."""
    page = Paginator(queryset.values_list("pk", flat=True), per_page).get_page(number)
    page.object_list = DeferredCards(page.object_list, load)
    return page
