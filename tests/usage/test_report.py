"""The editors' usage report through the real admin views: numbers counted from visits, each
region's team sees only its own region (however the address is edited), the central team
sees every area with a selector, a year selector, the chart with its table, and the CSV."""

import csv
import datetime
import io

from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.documents.models import Document

import pytest
from bs4 import BeautifulSoup

from builder.tree import ensure_index_page
from regions.models import Region
from tally.counter import count
from tally.events import Event
from tests.factories import CoursePageFactory, NewsPageFactory, TopicFactory
from tests.usage.visits import BROWSER, GOOGLEBOT, send, visit

pytestmark = pytest.mark.django_db

REPORT = "/admin/bruksstatistikk/"
BEACON = "/api/bruk/"
COLUMNS = [event.value for event in Event]


@pytest.fixture(scope="module")
def used(shared_skeleton, django_db_blocker):
    """Pages of Innlandet, Ahus and the central team, visited as a browser would (the page,
    then its beacon), and an Innlandet document downloaded. Built once for the module, in the
    shared skeleton's transaction (tests/conftest.py)."""
    assert shared_skeleton
    with django_db_blocker.unblock():
        regions = {region.slug: region for region in Region.objects.all()}
        demens = TopicFactory(slug="demens", name="Demens")
        pages = {
            "innlandet": NewsPageFactory(
                parent=ensure_index_page("news", regions["innlandet"]),
                title="Innlandsnyhet",
                topics=[demens],
            ),
            "ahus": NewsPageFactory(
                parent=ensure_index_page("news", regions["ahus"]), title="Ahusnyhet"
            ),
            "national": CoursePageFactory(
                parent=ensure_index_page("course"), title="Nasjonalt kurs"
            ),
            "region": regions["innlandet"].region_pages.get(),
        }
        client = Client()
        for name, visits in (("innlandet", 3), ("ahus", 2), ("national", 1), ("region", 1)):
            assert visit(client, pages[name]).status_code == 204
            for _again in range(visits - 1):  # the same page, cached by the front door
                assert send(client, BEACON, pages[name].pk).status_code == 204
        send(client, BEACON, pages["innlandet"].pk, user_agent=GOOGLEBOT)  # not counted
        document = Document.objects.create(
            title="Innlandsveileder",
            collection=regions["innlandet"].collection,
            file=ContentFile(b"%PDF-1.4 veileder", name="veileder.pdf"),
        )
        client.get(document.url, HTTP_USER_AGENT=BROWSER)
    return {name: page.url for name, page in pages.items()} | {"ahus_pk": pages["ahus"].pk}


def table(response, name):
    """{row label: [counts in Event order]} of one of the report's tables."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.select_one(f'[data-usage-table="{name}"]')
    assert found is not None, f"no table {name}"
    rows = {}
    for row in found.select("tbody tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        if name == "totals":
            return [int(cell) for cell in cells]
        if len(cells) > len(COLUMNS):
            rows[cells[0]] = [int(cell) for cell in cells[-len(COLUMNS) :]]
    return rows


def column(event):
    return COLUMNS.index(event.value)


def test_a_region_team_sees_its_regions_figures_counted_from_visits(
    client, regions, used, make_user
):
    client.force_login(make_user("ida", "innlandet-editors"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REPORT)
    assert response.status_code == 200
    # A fixed number of queries however many items were used (most are the admin's own).
    assert len(queries) < 50
    soup = BeautifulSoup(response.content, "html.parser")
    year = timezone.localdate().year
    assert soup.h1.get_text(strip=True) == "Bruksstatistikk"
    assert soup.select_one("[data-usage-scope]").get_text(strip=True) == f"Innlandet {year}"
    assert soup.select_one("select[name=omrade]") is None  # its own region only
    totals = table(response, "totals")
    assert totals[column(Event.VIEW)] == 4  # the news item three times, the region page once
    assert totals[column(Event.DOWNLOAD)] == 1
    month = timezone.localdate().month
    assert list(table(response, "months").values())[month - 1][column(Event.VIEW)] == 4
    assert table(response, "types")["Nyhet"][column(Event.VIEW)] == 3
    assert table(response, "topics")["Demens"][column(Event.VIEW)] == 3
    top = table(response, "top")
    assert top["Innlandsnyhet"][column(Event.VIEW)] == 3
    assert top["Innlandsveileder"][column(Event.DOWNLOAD)] == 1
    assert "Ahusnyhet" not in response.content.decode()
    assert "Nasjonalt kurs" not in response.content.decode()
    # The chart: a bar a month, named, with the table above as its text alternative.
    chart = soup.select_one("svg.usage-chart")
    assert chart["role"] == "img" and chart.title.get_text().startswith("Sidevisninger")
    assert len(chart.select("rect.usage-chart__bar")) == 12


def test_a_region_editor_cannot_see_another_regions_figures_by_editing_the_address(
    client, regions, used, make_user
):
    client.force_login(make_user("ida", "innlandet-moderators"))
    for query in ("omrade=ahus", "omrade=", "omrade=nasjonalt", "omrade=ahus&eksport=csv"):
        response = client.get(f"{REPORT}?{query}")
        assert response.status_code == 302, query
        assert response.url == reverse("wagtailadmin_home")
        assert b"Ahusnyhet" not in response.content
    assert "Ahusnyhet" not in client.get(response.url).content.decode()
    # Somebody in no region's team (a project group) gets no report at all.
    client.force_login(make_user("prosjekt"))
    assert client.get(REPORT).status_code == 302


def test_the_central_team_sees_every_area_and_chooses_area_and_year(
    client, regions, used, make_user
):
    last_year = timezone.localdate().year - 1
    count(Event.VIEW, used["ahus_pk"], day=datetime.date(last_year, 3, 5))
    client.force_login(make_user("sentral", "national-editors"))
    response = client.get(REPORT)
    soup = BeautifulSoup(response.content, "html.parser")
    areas = [option.get_text() for option in soup.select("select[name=omrade] option")]
    assert areas[0] == "Alle områder" and "Ahus" in areas and areas[-1] == "Nasjonalt"
    years = [option.get_text() for option in soup.select("select[name=ar] option")]
    assert str(last_year) in years
    regions = table(response, "regions")
    assert regions["Innlandet"][column(Event.VIEW)] == 4
    assert regions["Ahus"][column(Event.VIEW)] == 2
    assert regions["Nasjonalt"][column(Event.VIEW)] == 1
    assert table(response, "totals")[column(Event.VIEW)] == 7
    ahus = client.get(REPORT, {"omrade": "ahus"})
    assert table(ahus, "totals")[column(Event.VIEW)] == 2
    earlier = client.get(REPORT, {"omrade": "ahus", "ar": last_year})
    assert table(earlier, "totals")[column(Event.VIEW)] == 1
    assert list(table(earlier, "months").values())[2][column(Event.VIEW)] == 1  # March
    bad = client.get(REPORT, {"ar": "tjueseks"})
    assert bad.status_code == 400
    assert "År:" in BeautifulSoup(bad.content, "html.parser").select_one("[role=alert]").text


def test_csv_export_has_one_row_per_item_and_month_for_the_annual_report(
    client, regions, used, make_user
):
    client.force_login(make_user("admin", is_superuser=True))
    response = client.get(REPORT, {"eksport": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    year = timezone.localdate().year
    assert f"bruksstatistikk-{year}-alle.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:9] == [
        "År",
        "Måned",
        "Område",
        "Innholdstype",
        "Fagtema",
        "Språk",
        "ID",
        "Tittel",
        "Adresse",
    ]
    assert header[9:] == [str(event.label) for event in Event]
    by_title = {row[7]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_title) == {
        "Innlandsnyhet",
        "Ahusnyhet",
        "Nasjonalt kurs",
        "Innlandet",
        "Innlandsveileder",
    }
    news = by_title["Innlandsnyhet"]
    assert news["Område"] == "Innlandet" and news["Fagtema"] == "Demens"
    assert news["Måned"] == str(timezone.localdate().month)
    assert news["Sidevisninger"] == "3" and news["Adresse"] == used["innlandet"]
    assert by_title["Nasjonalt kurs"]["Område"] == "Nasjonalt"
    assert by_title["Innlandsveileder"]["Nedlastinger"] == "1"
    assert by_title["Innlandsveileder"]["ID"].startswith("dokument-")
