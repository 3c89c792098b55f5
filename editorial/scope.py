"""Whose content an editor answers for: the central team (and administrators) every region's
and the national content; a local team its own region's.

Page permissions are the permission model (editorial/teams.py grants each region's groups
theirs on the region's page), so a user's regions are those whose region pages lie in the
subtrees the user's groups may edit. The central team is named by its groups (roles.py): its
permissions are on the national sections, which hold no region.
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import Locale

from editorial.dashboard import in_subtrees, team_roots
from editorial.roles import NATIONAL, editors_group_name, moderators_group_name
from home.models import RegionPage
from regions.models import Region

CENTRAL_GROUPS = (editors_group_name(NATIONAL), moderators_group_name(NATIONAL))


@dataclass(frozen=True)
class TeamScope:
    central: bool  # every region and national content
    regions: tuple  # the regions (default locale) whose content the user answers for

    @property
    def any(self):
        return self.central or bool(self.regions)

    def owned_q(self):
        """The condition "owned by one of the scope's regions" on resource pages (their
        translations too), or nothing to narrow for the central team."""
        if self.central:
            return Q()
        keys = [region.translation_key for region in self.regions]
        return Q(owner_region__translation_key__in=keys)


def is_central(user):
    return user.is_superuser or user.groups.filter(name__in=CENTRAL_GROUPS).exists()


def team_scope(user):
    """The TeamScope of ``user``: for the central team every region, else the regions whose
    region pages the user's groups may edit (none for a project group)."""
    regions = Region.objects.filter(locale=Locale.get_default()).order_by("name")
    if is_central(user):
        return TeamScope(central=True, regions=tuple(regions))
    roots = team_roots(user)
    if not roots:
        return TeamScope(central=False, regions=())
    region_pages = RegionPage.objects.filter(in_subtrees(roots)).values("region__translation_key")
    return TeamScope(central=False, regions=tuple(regions.filter(translation_key__in=region_pages)))
