"""Registers Nyhetsbrev in the admin menu, with its permission policy (newsletters/admin.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from newsletters.admin import IssuePermissionPolicy, IssueViewSet
from newsletters.models import Issue

register_permission_policy(Issue, IssuePermissionPolicy(Issue))


@hooks.register("register_admin_viewset")
def register_newsletter_viewset():
    return IssueViewSet()
