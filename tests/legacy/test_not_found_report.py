"""The 404 log and its report: an unknown old address is counted (its path only, nothing
about who asked), listed in the admin report with a link to a filled-in redirect form, and
gone from the report once redirected; probes, own views and floods are kept out."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from editorial.teams import setup_national
from legacy.models import NotFoundDay, NotFoundPath
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/not-found/"


def report_rows(admin_client):
    html = BeautifulSoup(admin_client.get(REPORT).content, "html.parser")
    return html.select("tbody tr")


def logged():
    return {day.path.path: day.hits for day in NotFoundDay.objects.select_related("path")}


def test_an_unknown_old_address_is_listed_and_can_be_redirected_from_the_report(
    client, admin_client, regions, index_for
):
    page = ArticlePageFactory(parent=index_for("article"), title="Legemidler til eldre")
    visitor = {
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_USER_AGENT": "Mozilla/5.0 (Ola sin telefon)",
        "HTTP_REFERER": "https://forum.example.org/tråd/ola.nordmann",
    }
    old = "/wp-content/uploads/2019/05/legemidler.pdf"
    for _ in range(2):
        assert client.get(f"{old}?fnr=01019012345&e=ola@example.org", **visitor).status_code == 404

    assert logged() == {old: 2}
    stored = [
        str(value)
        for model in (NotFoundPath, NotFoundDay)
        for row in model.objects.values()
        for value in row.values()
    ]
    for personal in ("01019012345", "ola", "203.0.113", "Mozilla", "forum", "?"):
        assert not any(personal in value for value in stored), personal

    row = next(tr for tr in report_rows(admin_client) if old in tr.get_text())
    assert "2" in [td.get_text(strip=True) for td in row.select("td")]
    link = row.find("a", string=lambda text: text and "Lag viderekobling" in text)
    assert link["aria-label"] == f"Lag viderekobling fra {old}"

    form = BeautifulSoup(admin_client.get(link["href"]).content, "html.parser")
    assert form.select_one("input[name=old_path]")["value"] == old
    assert form.select_one("select[name=site] option[selected]")["value"] == str(
        Site.objects.get(is_default_site=True).pk
    )
    response = admin_client.post(
        form.select_one("form[method=post]")["action"],
        {
            "old_path": old,
            "site": Site.objects.get(is_default_site=True).pk,
            "is_permanent": "on",
            "redirect_page": page.pk,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert client.get(old).status_code == 301
    assert not any(old in row.get_text() for row in report_rows(admin_client))


def test_what_is_not_an_old_page_address_is_not_counted(client, regions):
    for probe in (
        "/wp-login.php",
        "/wp-admin/setup-config/",
        "/.env",
        "/.git/config",
        "/kursbevis/ABCD-EFGH/slett/noekkel/mer/",  # the certificates' own addresses
        "/pamelding/avmeld/hemmelig-lenke/x/",  # a personal cancellation link
        "/static/css/finnes-ikke.css",
        "/admin/finnes-ikke/",
    ):
        assert client.get(probe).status_code in (302, 404), probe
    client.post("/finnes-ikke/")
    assert logged() == {}

    client.get("/finnes-ikke")  # sent on to /finnes-ikke/ by CommonMiddleware …
    client.get("/finnes-ikke/")  # … and counted once there
    client.get("/kontakt/ola.nordmann@example.org/")
    client.get("/sak/01019012345/")
    client.get(f"/{'x' * 300}/")  # longer than a redirect can hold
    assert logged() == {"/finnes-ikke": 1, "/kontakt/[e-post]": 1, "/sak/[tall]": 1}


@override_settings(NOT_FOUND_LOG_PATHS_PER_DAY=2, NOT_FOUND_LOG_PER_CLIENT=(3, 3600))
def test_nobody_can_grow_the_log_without_bound(client, regions):
    for number in range(4):
        client.get(f"/side-{number}/", REMOTE_ADDR="198.51.100.1")  # the fourth is over the limit
    assert logged() == {"/side-0": 1, "/side-1": 1}  # the day's list holds two addresses
    client.get("/side-0/", REMOTE_ADDR="198.51.100.2")  # another client, a listed address
    client.get("/side-9/", REMOTE_ADDR="198.51.100.2")  # the list is full
    assert logged() == {"/side-0": 2, "/side-1": 1}


def test_old_days_are_purged_and_only_the_redirect_keepers_see_the_report(
    client, admin_client, regions, django_user_model
):
    client.get("/gammel-side/")
    entry = NotFoundPath.objects.get()
    NotFoundDay.objects.create(
        path=NotFoundPath.objects.create(site=entry.site, path="/eldgammel"),
        date=timezone.localdate() - datetime.timedelta(days=91),
        hits=5,
    )
    call_command("purge_not_found_log", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(NotFoundPath.objects.values_list("path", flat=True)) == ["/gammel-side"]

    setup_national()
    for group, allowed in (("innlandet-moderators", False), ("national-moderators", True)):
        user = django_user_model.objects.create_user(username=group, password="pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        response = client.get(REPORT)
        assert (response.status_code == 200) is allowed, group
        if allowed:
            assert "/gammel-side" in response.content.decode()
    assert Redirect.objects.count() == 0
