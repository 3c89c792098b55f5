"""Whose figures an editor may see: administrators and the central team every area's (with a
selector), a region's team (its editors and moderators) only its own region's, anybody
else none. Decided from the teams' groups (editorial/roles.py), never from the address."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from editorial.roles import NATIONAL, editors_group_name, moderators_group_name
from regions.lookup import NATIONAL as NATIONAL_SLUG
from regions.lookup import regions_for_locale

# The selector's choice for every area at once.
EVERY_AREA = ""


@dataclass(frozen=True)
class Scope:
    """What one report covers: every area, one region, or national content."""

    slug: str  # EVERY_AREA, a region's slug, or NATIONAL_SLUG
    label: str
    region: object = None  # the Region, for a region's scope

    def covers(self, region):
        """Does an item owned by ``region`` (None: national) belong to this scope?"""
        if self.slug == EVERY_AREA:
            return True
        if self.slug == NATIONAL_SLUG:
            return region is None
        return region is not None and region.pk == self.region.pk


@dataclass
class Access:
    scopes: list = field(default_factory=list)  # in the selector's order; the first is default

    def scope(self, slug):
        """The scope with this slug if the user may see it, else None."""
        return next((scope for scope in self.scopes if scope.slug == slug), None)


def is_central(user, group_names):
    central = {editors_group_name(NATIONAL), moderators_group_name(NATIONAL)}
    return user.is_superuser or bool(central & group_names)


def access_for(user):
    """The scopes ``user`` may see (none: no report for them)."""
    if not user.is_authenticated or not user.is_active:
        return Access()
    names = set(user.groups.values_list("name", flat=True))
    regions = regions_for_locale()
    region_scopes = [Scope(region.slug, region.name, region) for region in regions]
    if is_central(user, names):
        return Access(
            [
                Scope(EVERY_AREA, _("Alle områder")),
                *region_scopes,
                Scope(NATIONAL_SLUG, _("Nasjonalt")),
            ]
        )
    return Access(
        [
            scope
            for scope in region_scopes
            if editors_group_name(scope.slug) in names or moderators_group_name(scope.slug) in names
        ]
    )
