"""Set up editorial teams automatically when regions, region pages, national sections or
projects are created, so a new region needs no manual step."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page

from home.models import Region, RegionPage


def _is_source_locale(obj):
    return obj.locale_id == Locale.get_default().pk


@receiver(post_save, sender=Region)
def set_up_new_region(sender, instance, created, raw=False, **kwargs):
    if raw or not _is_source_locale(instance):
        return
    from editorial.setup import setup_region
    from home.setup import ensure_region_page

    if created:
        ensure_region_page(instance)
    setup_region(instance)


@receiver(post_save)
def set_up_new_page(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page):
        return
    if not _is_source_locale(instance):
        return
    from editorial import setup
    from projects.models import ProjectPage

    if isinstance(instance, RegionPage):
        setup.setup_region(instance.region)
    elif isinstance(instance, ProjectPage):
        setup.setup_project(instance)
    elif instance.depth in (2, 3):  # the front page, or a national section directly below it
        setup.setup_national()
