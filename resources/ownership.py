"""Which areas a resource is shown in, and which resources a visitor's area sees.

A resource's owner region comes from the tree; its ``areas`` add regions it is shared into.
National content (no owner) with no areas chosen is shown in every area.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When


def effective_areas(page):
    """The regions a resource is shown in (empty list = all areas, i.e. national)."""
    areas = {region.pk: region for region in page.areas.all()}
    if page.owner_region_id and page.owner_region_id not in areas:
        areas[page.owner_region_id] = page.owner_region
    return sorted(areas.values(), key=lambda region: region.name)


def _area_links():
    from resources.models import ResourcePage

    return ResourcePage.areas.through.objects.filter(resourcepage_id=OuterRef("pk"))


def shown_in_area(queryset, region):
    """Restrict a resource queryset to what a visitor in ``region`` sees: items owned by it,
    shared into it, or national items not limited to other areas."""
    links = _area_links()
    return queryset.filter(
        Q(owner_region=region)
        | Exists(links.filter(region_id=region.pk))
        | (Q(owner_region__isnull=True) & ~Exists(links))
    )


def local_first(queryset, region, *ordering):
    """Order the region's own and shared-in items before national ones, then by ``ordering``."""
    links = _area_links().filter(region_id=region.pk)
    return queryset.annotate(
        _local=Case(
            When(Q(owner_region=region) | Q(Exists(links)), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("_local", *ordering)


def for_area(queryset, region, *ordering):
    """What a visitor with ``region`` chosen sees, local items first; all items without one."""
    if region is None:
        return queryset.order_by(*ordering)
    return local_first(shown_in_area(queryset, region), region, *ordering)


def refresh_owner_regions(page):
    """Recompute the derived owner region of ``page`` and its descendants after a move."""
    from home.regions import region_for
    from resources.models import ResourcePage

    for resource in ResourcePage.objects.descendant_of(page, inclusive=True):
        owner = region_for(resource)
        if resource.owner_region_id != (owner.pk if owner else None):
            ResourcePage.objects.filter(pk=resource.pk).update(owner_region=owner)
