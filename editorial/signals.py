"""Set up editorial teams automatically when regions, region pages, national sections or
projects are created, so a new region needs no manual step. Each receiver is connected to
its own senders (``connect``), never to every save of every model."""

from django.db.models.signals import post_save

from wagtail.models import Locale

from editorial import teams
from home.models import HomePage, RegionPage, StandardPage
from projects.models import ProjectPage
from regions.models import Region
from resources.registry import section_index_models


def _is_source_locale(obj):
    return obj.locale_id == Locale.get_default().pk


def region_saved(sender, instance, created, raw=False, **kwargs):
    """A region's groups and collection, renamed along with the region."""
    if not raw and _is_source_locale(instance):
        teams.setup_region(instance)


def region_page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _is_source_locale(instance):
        teams.setup_region(instance.region)


def project_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _is_source_locale(instance):
        teams.setup_project(instance)


def national_section_created(sender, instance, created, raw=False, **kwargs):
    """The front page, or a national section directly below it: the central team's rights."""
    if created and not raw and _is_source_locale(instance) and instance.depth in (2, 3):
        teams.setup_national()


def connect():
    post_save.connect(region_saved, sender=Region, dispatch_uid="editorial_region")
    post_save.connect(region_page_created, sender=RegionPage, dispatch_uid="editorial_region_page")
    post_save.connect(project_created, sender=ProjectPage, dispatch_uid="editorial_project")
    # The front page and what can sit directly below it: index pages and standard pages.
    for model in {HomePage, StandardPage, *section_index_models()}:
        post_save.connect(
            national_section_created,
            sender=model,
            dispatch_uid=f"editorial_section_{model._meta.label_lower}",
        )
