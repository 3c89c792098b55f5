"""Registers Nyhetsbrev in the admin menu, with its permission policy (newsletters/admin.py),
and what it holds about a person for the admin's "Personopplysninger"."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from newsletters.admin import IssuePermissionPolicy, IssueViewSet
from newsletters.models import Issue
from newsletters.personal_data import NewsletterData

register_permission_policy(Issue, IssuePermissionPolicy(Issue))


@hooks.register("register_admin_viewset")
def register_newsletter_viewset():
    return IssueViewSet()


@hooks.register("register_personal_data")
def register_newsletter_personal_data():
    return NewsletterData()
