"""Rapporter → Faglig gjennomgang through the real admin: each local team sees its own region's
published items whose review date has passed or is near, never another region's; the central
team sees all, filtered by region; editors take an item off the list by recording a review."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from builder.tree import ensure_index_page
from tests.editorial.admin_actions import page_form
from tests.factories import ArticlePageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("editorial_review_report")
TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def due(site, regions):
    """Review dates on the editorial site's pages, and a few more pages around them."""
    for name, review_by in (
        ("innlandet_news", days(-40)),
        ("ahus_news", days(-5)),
        ("national_course", days(-400)),
        ("project", days(365)),  # Innlandet's, not due
    ):
        type(site[name]).objects.filter(pk=site[name].pk).update(review_by=review_by)
    innlandet_news = ensure_index_page("news", regions["innlandet"])
    return {
        "soon": NewsPageFactory(
            parent=innlandet_news, title="Snart til vurdering", review_by=days(10)
        ),
        "draft": NewsPageFactory(
            parent=innlandet_news, title="Forfalt utkast", review_by=days(-3), live=False
        ),
        "undated": ArticlePageFactory(
            parent=ensure_index_page("article"), title="Uten dato", review_by=None
        ),
    }


def rows(client, **params):
    """{title: row text} of the report as the user sees it (the results fragment)."""
    response = client.get(REPORT, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for row in soup.select("table.listing tbody tr"):
        link = row.select_one("td a")
        found[link.get_text(strip=True)] = (link["href"], row.get_text(" ", strip=True))
    return found, soup


def test_region_editor_sees_own_regions_due_items_only(client, site, due, make_user):
    client.force_login(make_user("ida", "innlandet-editors"))
    found, soup = rows(client)
    assert set(found) == {"Innlandsnyhet", "Snart til vurdering"}
    href, text = found["Innlandsnyhet"]
    assert href == reverse("wagtailadmin_pages:edit", args=[site["innlandet_news"].pk])
    assert "Forfalt" in text and "Nyhet" in text and "Innlandet" in text
    assert "Forfaller snart" in found["Snart til vurdering"][1]
    assert soup.find("select", attrs={"name": "region"}) is None  # one region: no filter
    # Asking for another region's items does not reach outside the team's own.
    assert set(rows(client, region="ahus")[0]) == {"Innlandsnyhet", "Snart til vurdering"}
    # Oldest first, and sortable.
    assert list(found) == ["Innlandsnyhet", "Snart til vurdering"]
    assert list(rows(client, ordering="-review_by")[0]) == ["Snart til vurdering", "Innlandsnyhet"]

    # The export (Wagtail's CSV/Excel) holds the same rows.
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert table[0] == [
        "Tittel",
        "Type",
        "Område",
        "Gjennomgås innen",
        "Status",
        "Sist faglig oppdatert",
        "Adresse",
    ]
    by_title = {row[0]: row for row in table[1:]}
    assert set(by_title) == {"Innlandsnyhet", "Snart til vurdering"}
    assert by_title["Innlandsnyhet"][3] == days(-40).isoformat()
    assert by_title["Innlandsnyhet"][6].endswith(site["innlandet_news"].url)
    excel = client.get(REPORT, {"export": "xlsx"})
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")

    client.force_login(make_user("aksel", "ahus-moderators"))
    assert set(rows(client)[0]) == {"Ahusnyhet"}


def test_central_team_sees_every_region_and_filters_by_region(client, site, due, make_user):
    client.force_login(make_user("sentral", "national-editors"))
    found, soup = rows(client)
    assert set(found) == {"Nasjonalt kurs", "Ahusnyhet", "Innlandsnyhet", "Snart til vurdering"}
    assert list(found)[0] == "Nasjonalt kurs"  # the longest overdue first
    options = [o["value"] for o in soup.select("select[name=region] option") if o["value"]]
    assert options[-1] == "nasjonalt"
    assert sorted(options[:-1]) == ["ahus", "innlandet", "oslo", "ostfold", "vestfold"]
    assert set(rows(client, region="ahus")[0]) == {"Ahusnyhet"}
    assert set(rows(client, region="nasjonalt")[0]) == {"Nasjonalt kurs"}
    assert set(rows(client, status="snart")[0]) == {"Snart til vurdering"}
    assert set(rows(client, q="nyhet")[0]) == {"Ahusnyhet", "Innlandsnyhet"}


def test_recording_a_review_in_the_editor_takes_the_item_off_the_report(
    client, site, due, make_user
):
    client.force_login(make_user("mona", "innlandet-moderators"))
    page = site["innlandet_news"]
    data = page_form(page, page.title)
    data.update({"last_reviewed": TODAY.isoformat(), "action-publish": "action-publish"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.last_reviewed == TODAY
    assert page.review_by == TODAY.replace(year=TODAY.year + 2)  # two years on
    assert set(rows(client)[0]) == {"Snart til vurdering"}


def test_users_outside_the_regional_and_central_teams_get_no_report(client, site, make_user):
    client.force_login(make_user("prosjekt", "project-" + site["project"].slug))
    response = client.get(REPORT)
    assert response.status_code == 302  # Wagtail's "permission denied": back to the dashboard
    reports_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Faglig gjennomgang" not in reports_menu

    client.force_login(make_user("ida", "innlandet-editors"))
    assert "Faglig gjennomgang" in client.get(reverse("wagtailadmin_home")).content.decode()
