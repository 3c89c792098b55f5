"""Editors see their own team's drafts, pending reviews and recent pages on the dashboard."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.editorial.admin_actions import edit, submit

pytestmark = pytest.mark.django_db


def team_panel(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.select_one("[data-team-work]")
    assert panel is not None
    return panel.get_text(" ", strip=True)


def test_dashboard_lists_own_regions_drafts_reviews_and_published(client, site, make_user):
    client.force_login(make_user("ida", "innlandet-editors"))
    edit(client, site["innlandet_news"])  # a draft: "Redigert tittel"
    submit(client, site["project"])
    text = team_panel(client)
    assert "Innlandet" in text
    assert "Redigert tittel" in text
    pending = text.split("Venter på godkjenning", 1)[1].split("Utkast", 1)[0]
    assert "Til godkjenning" in pending  # the submitted draft's title
    assert "Ahusnyhet" not in text  # another region's work is not shown
    assert "Nasjonalt kurs" not in text


def test_dashboard_tells_users_without_a_team_what_to_do(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("ny", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "ikke med i noen redaksjon" in team_panel(client)
