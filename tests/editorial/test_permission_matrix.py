"""Who may do what: each role tries every action on pages of its own and other teams.

Allowed actions must take effect; every other one must be refused and change nothing.
"""

from wagtail.models import Page

import pytest

from tests.editorial.admin_actions import ACTIONS

pytestmark = pytest.mark.django_db

WRITE = {"view", "create", "edit", "submit"}
ALL = set(ACTIONS)
NONE = set()

# role (groups) -> target page -> the actions that must succeed
MATRIX = {
    "innlandet-editors": {
        "innlandet_news": WRITE,
        "project": WRITE,
        "ahus_news": NONE,
        "national_course": NONE,
    },
    "innlandet-moderators": {
        "innlandet_news": ALL,
        "project": ALL,
        "ahus_news": NONE,
        "national_course": NONE,
    },
    "ahus-editors": {
        "ahus_news": WRITE,
        "innlandet_news": NONE,
        "project": NONE,
        "national_course": NONE,
    },
    "project": {
        "project": WRITE,
        "innlandet_news": NONE,
        "ahus_news": NONE,
        "national_course": NONE,
    },
    "national-editors": {
        "national_course": WRITE,
        "innlandet_news": NONE,
        "ahus_news": NONE,
        "project": NONE,
    },
}
CASES = [(role, target) for role, targets in MATRIX.items() for target in targets]


@pytest.mark.parametrize(("role", "target"), CASES)
def test_permission_matrix(client, site, make_user, role, target):
    group = f"project-{site['project'].slug}" if role == "project" else role
    client.force_login(make_user("redaktor", group))
    page = site[target]
    allowed = MATRIX[role][target]
    pages_before = Page.objects.count()
    for action, attempt in ACTIONS.items():
        page = Page.objects.get(pk=page.pk).specific
        live_title = page.title
        took_effect = attempt(client, page)
        if action in allowed:
            assert took_effect, f"{role} should be able to {action} {target}"
        else:
            assert not took_effect, f"{role} must not be able to {action} {target}"
            still = Page.objects.filter(pk=page.pk).first()
            assert still is not None and still.title == live_title, f"{action} changed {target}"
    if not allowed:
        assert Page.objects.count() == pages_before


def test_groups_exist_for_every_region_and_the_central_team(site):
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    for slug in ("ahus", "innlandet", "vestfold", "ostfold", "oslo", "national"):
        assert {f"{slug}-editors", f"{slug}-moderators"} <= names
    assert f"project-{site['project'].slug}" in names
