"""Keep derived region ownership right when pages move in the tree."""

from django.dispatch import receiver

from wagtail.signals import post_page_move


@receiver(post_page_move)
def update_owner_region_after_move(sender, instance, **kwargs):
    from resources.ownership import refresh_owner_regions

    if kwargs.get("url_path_before") != kwargs.get("url_path_after"):
        refresh_owner_regions(instance)
