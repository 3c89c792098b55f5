"""What the open API may show, whoever asks: live resources outside every private subtree, and
images and documents outside every private collection.

Wagtail's own API leaves out only what the asking visitor may not see (a signed-in editor or a
visitor who gave a page's password sees more). Here private means private for everyone, so an
answer is the same for every client and the front door may share it.
"""

from django.db.models import Q, prefetch_related_objects

from wagtail.models import Collection, CollectionViewRestriction

from resources.models import ResourcePage
from resources.registry import resource_models


def public_resources(models=()):
    """Live resources that carry no view restriction (nor any above them), of ``models``
    (default: every type); of that model itself when there is one, so its own fields can be
    filtered and ordered on."""
    if len(models) == 1:
        return models[0].objects.live().public()
    queryset = ResourcePage.objects.live().public()
    return queryset.type(*models) if models else queryset


def without_private_collections(queryset):
    """Images or documents outside every collection under a view restriction of any kind."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    if not private:
        return queryset
    return queryset.exclude(collection__in=Collection.objects.filter(private))


def specific_resources(ids):
    """The resources with these ids, in that order, as their own page types, with everything
    their API fields read fetched up front: a constant number of queries for a list of any
    length (resources/models/queryset.py: specific_pages)."""
    shared = ResourcePage.page_view_related
    pages = (
        ResourcePage.objects.filter(pk__in=ids)
        .select_related("locale", *shared["select"])
        .prefetch_related(*shared["prefetch"], "image__renditions")
        .specific_pages(list(resource_models().values()))
    )
    fetched = {*shared["select"], *shared["prefetch"]}
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, of_model in by_model.items():
        related = model.page_view_related
        own = [*related["select"], *related["prefetch"], *model.api_related]
        wanted = [name for name in dict.fromkeys(own) if name not in fetched]
        if wanted:
            prefetch_related_objects(of_model, *wanted)
    place = {pk: number for number, pk in enumerate(ids)}
    return sorted(pages, key=lambda page: place[page.pk])
