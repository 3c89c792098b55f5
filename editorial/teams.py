"""Set up (and repair) each editorial team: groups, collection, page permissions, workflow.

Every function is idempotent; the ``setup_editorial_groups`` command runs them all, and
signals run them when a region, a region page, a national section or a project appears.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from wagtail.models import Collection, Locale

from editorial.permissions import (
    ensure_group,
    grant_media_permissions,
    grant_model_permissions,
    grant_page_permissions,
)
from editorial.roles import (
    CENTRAL_ORGANISATION_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    MODERATOR_PAGE_PERMISSIONS,
    NATIONAL,
    NATIONAL_MODERATOR_PERMISSIONS,
    PROJECT_PAGE_PERMISSIONS,
    REGION_ORGANISATION_PERMISSIONS,
    editors_group_name,
    moderators_group_name,
    project_group_name,
)
from editorial.workflows import ensure_approval_workflow
from home.models import HomePage, RegionPage
from projects.models import ProjectPage
from regions.lookup import region_for
from regions.models import Region


@dataclass
class TeamSetup:
    editors: object
    moderators: object
    collection: object
    workflow: object = None


def ensure_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(instance=Collection(name=name))


def region_collection(region):
    """The region's own collection, created once and renamed along with the region."""
    collection = region.collection
    if collection is None:
        collection = ensure_collection(region.name)
        type(region).objects.filter(pk=region.pk).update(collection=collection)
        region.collection = collection
    elif collection.name != region.name:
        collection.name = region.name
        collection.save(update_fields=["name"])
    return collection


def setup_region(region):
    """Groups ``<slug>-editors``/``<slug>-moderators``, a collection and, once the region has
    a front page, page permissions on that subtree and its approval workflow."""
    editors = ensure_group(editors_group_name(region.slug))
    moderators = ensure_group(moderators_group_name(region.slug))
    collection = region_collection(region)
    for group in (editors, moderators):
        grant_media_permissions(group, collection)
        grant_model_permissions(group, REGION_ORGANISATION_PERMISSIONS)
    team = TeamSetup(editors, moderators, collection)
    region_page = RegionPage.objects.filter(region=region).first()
    if region_page is not None:
        grant_page_permissions(editors, region_page, EDITOR_PAGE_PERMISSIONS)
        grant_page_permissions(moderators, region_page, MODERATOR_PAGE_PERMISSIONS)
        team.workflow = ensure_approval_workflow(
            _("Lokal redaksjon: godkjenning – %(region)s") % {"region": region.name},
            _("Godkjenning av %(group)s") % {"group": moderators.name},
            [moderators],
            region_page,
        )
    return team


def national_sections(home_page):
    """The front page's children that the central team owns (everything but region pages)."""
    return home_page.get_children().not_type(RegionPage)


def setup_national():
    """``national-editors``/``-moderators`` on every national section, and the national
    workflow on the front page (region pages override it with their own). Without a front
    page yet, only the groups and collection: its creation runs this again."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    editors = ensure_group(editors_group_name(NATIONAL))
    moderators = ensure_group(moderators_group_name(NATIONAL))
    collection = ensure_collection(_("Nasjonalt"))
    for group in (editors, moderators):
        grant_media_permissions(group, collection)
        grant_model_permissions(group, CENTRAL_ORGANISATION_PERMISSIONS)
    grant_model_permissions(moderators, NATIONAL_MODERATOR_PERMISSIONS)
    if home is None:
        return TeamSetup(editors, moderators, collection)
    # Permissions on the front page itself would reach into every region, so the central
    # team gets each national section instead.
    for section in national_sections(home):
        grant_page_permissions(editors, section, EDITOR_PAGE_PERMISSIONS)
        grant_page_permissions(moderators, section, MODERATOR_PAGE_PERMISSIONS)
    workflow = ensure_approval_workflow(
        _("Sentral redaksjon: godkjenning"),
        _("Godkjenning av %(group)s") % {"group": moderators.name},
        [moderators],
        home,
    )
    return TeamSetup(editors, moderators, collection, workflow)


def setup_project(project_page):
    """``project-<slug>`` may edit its project page and add pages below it; its work is
    approved by the region's moderators (the region's workflow covers the project)."""
    group = ensure_group(project_group_name(project_page.slug))
    grant_page_permissions(group, project_page, PROJECT_PAGE_PERMISSIONS)
    region = region_for(project_page)
    collection = region_collection(region) if region else ensure_collection(_("Nasjonalt"))
    grant_media_permissions(group, collection)
    return group


def setup_all():
    """Repair every team; returns counts for the command's summary."""
    regions = Region.objects.filter(locale=Locale.get_default())
    for region in regions:
        setup_region(region)
    setup_national()
    projects = ProjectPage.objects.filter(locale=Locale.get_default())
    for project in projects:
        setup_project(project)
    return {"regions": regions.count(), "projects": projects.count()}
