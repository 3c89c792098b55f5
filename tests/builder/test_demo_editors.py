"""Trial installs get one user per editorial role, without touching existing users."""

from django.contrib.auth import get_user_model

import pytest

from builder.demo.editors import DEMO_EDITORS, create_demo_editors

pytestmark = pytest.mark.django_db


def test_demo_editors_are_created_once_in_their_groups(client, regions):
    assert sorted(create_demo_editors("prov-passord")) == sorted(DEMO_EDITORS)
    assert create_demo_editors("annet-passord") == []
    user = get_user_model().objects.get(username="redaktor-innlandet")
    assert [g.name for g in user.groups.all()] == ["innlandet-editors"]
    assert client.login(username="redaktor-innlandet", password="prov-passord")
    assert client.get("/admin/").status_code == 200
