"""Users of the editorial teams for the usage report's tests."""

from django.contrib.auth.models import Group

import pytest


@pytest.fixture
def make_user(django_user_model):
    def _make(username, *groups, **fields):
        user = django_user_model.objects.create_user(username=username, password="pw", **fields)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return _make
