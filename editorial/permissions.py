"""Idempotent grants of Wagtail page, collection and admin-access permissions to groups."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupCollectionPermission, GroupPagePermission

from editorial.roles import MEDIA_PERMISSIONS


def ensure_group(name):
    group, _created = Group.objects.get_or_create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin)
    return group


def grant_page_permissions(group, page, permission_types):
    """Give ``group`` exactly ``permission_types`` (add, change, publish …) on ``page``."""
    wanted = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[f"{kind}_page" for kind in permission_types],
    )
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    GroupPagePermission.objects.filter(group=group, page=page).exclude(
        permission__in=wanted
    ).delete()


def grant_media_permissions(group, collection):
    """Let ``group`` add, edit and choose images and documents, and manage SCORM packages, in
    ``collection``."""
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def grant_model_permissions(group, permissions):
    """Give ``group`` the permissions in ``permissions`` ({app label: (codename, …)})."""
    for app_label, codenames in permissions.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
