"""An editorial site: regions with their teams, pages owned by each team, and one user per role."""

from django.contrib.auth.models import Group

import pytest

from builder.tree import ensure_index_page
from tests.factories import CoursePageFactory, NewsPageFactory, ProjectPageFactory


@pytest.fixture
def make_user(django_user_model):
    def _make(username, *groups):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.org", password="pw"
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return _make


@pytest.fixture
def site(regions):
    """Live pages owned by Innlandet, Ahus, the central team and an Innlandet project."""
    return {
        "innlandet_news": NewsPageFactory(
            parent=ensure_index_page("news", regions["innlandet"]), title="Innlandsnyhet"
        ),
        "ahus_news": NewsPageFactory(
            parent=ensure_index_page("news", regions["ahus"]), title="Ahusnyhet"
        ),
        "national_course": CoursePageFactory(
            parent=ensure_index_page("course"), title="Nasjonalt kurs"
        ),
        "project": ProjectPageFactory(
            parent=ensure_index_page("project", regions["innlandet"]),
            title="Sammen om barn som pårørende – Innlandet",
        ),
    }
