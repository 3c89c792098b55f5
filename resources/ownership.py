"""Keeping the derived owner region right: a resource's owner comes from its place in the
tree, so moving a page (or a section above it) recomputes it for the whole subtree."""

from regions.lookup import region_for
from resources.models import ResourcePage


def refresh_owner_regions(page):
    """Recompute the owner region of ``page`` and its descendants after a move."""
    for resource in ResourcePage.objects.descendant_of(page, inclusive=True):
        owner = region_for(resource)
        if resource.owner_region_id != (owner.pk if owner else None):
            ResourcePage.objects.filter(pk=resource.pk).update(owner_region=owner)


def refresh_after_move(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    """post_page_move receiver: only a real move (not a reorder among siblings) matters."""
    if url_path_before != url_path_after:
        refresh_owner_regions(instance)
