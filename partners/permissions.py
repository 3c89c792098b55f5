"""Who may edit an organisation: administrators and the central team any of them, a region's
own team those that belong to its region. A region's team is whoever may change the region's
front page (editorial/ grants that on each RegionPage), so this needs no list of groups."""

from regions.models import Region

CHANGE = "partners.change_organisation"
CHANGE_ANY = "partners.change_any_organisation"


def may_change_any(user):
    return user.has_perm(CHANGE_ANY)


def regions_edited_by(user):
    """The regions whose front page ``user``'s groups may change."""
    return Region.objects.filter(
        region_pages__group_permissions__group__in=user.groups.all(),
        region_pages__group_permissions__permission__codename="change_page",
    ).distinct()


def may_edit(user, organisation):
    """Whether ``user`` may change (or delete) ``organisation``."""
    if not user.has_perm(CHANGE):
        return False
    if may_change_any(user):
        return True
    own = regions_edited_by(user).values("pk")
    return organisation.regions.filter(pk__in=own).exists()
