"""Set up editorial teams automatically when regions, region pages, national sections or
projects are created, so a new region needs no manual step. Each receiver is connected to
its own senders (editorial/apps.py), never to every save of every model."""

from wagtail.models import Locale

from editorial import teams


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
