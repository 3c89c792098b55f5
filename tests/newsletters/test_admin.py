"""Nyhetsbrev in the admin, through the real views with an editor of one region: their own
issues only, a draft pre-filled from their area's news and events, a preview, a test to
themselves, subscriber counts without addresses."""

import datetime
from io import StringIO

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from newsletters.models import Issue
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.fixture
def editor(client, regions, django_user_model):
    user = django_user_model.objects.create_user(
        username="ida", email="ida@innlandet.example", password="pw"
    )
    user.groups.add(Group.objects.get(name="innlandet-editors"))
    client.force_login(user)
    return user


@pytest.fixture
def issues(regions):
    return {
        slug: Issue.objects.create(region=regions[slug], subject=f"Nytt fra {slug}")
        for slug in ("innlandet", "ahus")
    }


def test_editor_lists_only_their_own_regions_issues(client, editor, issues):
    response = client.get(reverse("newsletter_issue:index"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nytt fra innlandet" in text
    assert "Nytt fra ahus" not in text


def test_editor_cannot_open_or_change_another_regions_issue(client, editor, issues, mailoutbox):
    ahus = issues["ahus"]
    url = reverse("newsletter_issue:edit", args=[ahus.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"subject": "Kapret", "region": ahus.region_id}))
    assert refused(client.post(reverse("newsletter_issue:delete", args=[ahus.pk])))
    assert refused(client.get(reverse("newsletter_issue:history", args=[ahus.pk])))
    ahus.refresh_from_db()
    assert ahus.subject == "Nytt fra ahus"
    assert refused(client.post(reverse("newsletter_issue:send_test", args=[ahus.pk])))
    assert mailoutbox == []


def test_sent_issue_can_no_longer_be_changed(client, editor, issues):
    own = issues["innlandet"]
    Issue.objects.filter(pk=own.pk).update(status=Issue.Status.SENT)
    assert refused(client.get(reverse("newsletter_issue:edit", args=[own.pk])))


def test_new_issue_is_prefilled_with_the_areas_recent_news_and_coming_events(
    client, editor, regions, index_for
):
    today = timezone.localdate()
    ten_days_ago = today - datetime.timedelta(10)
    now = timezone.now()
    innlandet_news = index_for("news", regions["innlandet"])
    NewsPageFactory(parent=innlandet_news, title="Fersk nyhet", date=today)
    NewsPageFactory(parent=innlandet_news, title="Gammel nyhet", date=ten_days_ago)
    NewsPageFactory(parent=index_for("news", regions["ahus"]), title="Ahus-nyhet", date=today)
    NewsPageFactory(parent=index_for("news"), title="Nasjonal nyhet", date=today)
    events = index_for("event", regions["innlandet"])
    EventPageFactory(parent=events, title="Snart fagdag", start=now + datetime.timedelta(10))
    EventPageFactory(parent=events, title="Fjern fagdag", start=now + datetime.timedelta(60))

    response = client.get(reverse("newsletter_issue:add") + "?omrade=innlandet")
    assert response.status_code == 200
    text = response.content.decode()
    for shown in ("Fersk nyhet", "Nasjonal nyhet", "Snart fagdag", "Nytt fra Innlandet"):
        assert shown in text, shown
    for hidden in ("Gammel nyhet", "Ahus-nyhet", "Fjern fagdag"):
        assert hidden not in text, hidden


def issue_post(region_id):
    return nested_form_data(
        {
            "region": region_id,
            "subject": "Nytt fra Innlandet, uke 12",
            "intro": "Hei!",
            "items": streamfield(
                [
                    (
                        "item",
                        {
                            "title": "Fagdag",
                            "meta": "",
                            "text": "",
                            "url": "https://kompetansebroen.example/fagdag/",
                        },
                    )
                ]
            ),
        }
    )


def test_editor_saves_an_issue_for_their_region_but_not_for_another(client, editor, regions):
    url = reverse("newsletter_issue:add")
    refused = client.post(url, issue_post(regions["ahus"].pk))
    assert refused.status_code == 200  # the form again, with an error on the area
    assert not Issue.objects.exists()
    client.post(url, issue_post(regions["innlandet"].pk))
    issue = Issue.objects.get()
    assert (issue.region, issue.status) == (regions["innlandet"], Issue.Status.DRAFT)
    assert issue.items[0].value["title"] == "Fagdag"


def test_edited_issue_is_saved_and_previewed_as_the_email(client, editor, issues):
    issue = issues["innlandet"]
    client.post(reverse("newsletter_issue:edit", args=[issue.pk]), issue_post(issue.region_id))
    issue.refresh_from_db()
    assert issue.subject == "Nytt fra Innlandet, uke 12"
    response = client.get(reverse("newsletter_issue:preview", args=[issue.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nytt fra Innlandet, uke 12" in text and "Fagdag" in text
    assert "Meld deg av nyhetsbrevet" in text
    assert refused(client.get(reverse("newsletter_issue:preview", args=[issues["ahus"].pk])))


def test_send_a_test_goes_to_the_editor_only(client, editor, issues, subscriber, mailoutbox):
    subscriber("abonnent@example.org")
    url = reverse("newsletter_issue:send_test", args=[issues["innlandet"].pk])
    assert client.get(url).status_code == 200
    client.post(url)
    assert [mail.to for mail in mailoutbox] == [["ida@innlandet.example"]]
    assert mailoutbox[0].subject == "[Test] Nytt fra innlandet"
    assert not issues["innlandet"].deliveries.exists()


def test_subscriber_counts_are_the_editors_own_and_show_no_addresses(client, editor, subscriber):
    subscriber("a@example.org")
    subscriber("b@example.org")
    subscriber("c@example.org", status="pending")
    subscriber("ahus@example.org", region="ahus")
    response = client.get(reverse("newsletter_issue:subscribers"))
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one('[data-confirmed="innlandet"]').get_text() == "2"
    assert not page.select('[data-confirmed="ahus"]')
    assert "@example.org" not in response.content.decode()


def test_user_without_a_team_has_no_newsletter_admin(client, django_user_model, regions):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("ny", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert refused(client.get(reverse("newsletter_issue:index")))
    assert refused(client.get(reverse("newsletter_issue:subscribers")))


def test_send_queues_the_draft_and_the_queued_run_sends_it_once(
    client, editor, issues, subscriber, mailoutbox
):
    from django.core.management import call_command

    subscriber("abonnent@example.org")
    subscriber("venter@example.org", status="pending")
    issue = issues["innlandet"]
    url = reverse("newsletter_issue:send", args=[issue.pk])
    asked = client.get(url)
    assert "sendes til 1 bekreftet abonnent" in asked.content.decode()
    assert not mailoutbox, "asking sends nothing"

    client.post(url)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.QUEUED and issue.queued_at is not None
    assert not mailoutbox, "queued, not sent in the request"
    # Queued, it can no longer be changed, and a second click queues nothing.
    assert refused(client.get(reverse("newsletter_issue:edit", args=[issue.pk])))
    client.post(url)

    call_command("send_newsletter", "--queued", stdout=StringIO())
    call_command("send_newsletter", "--queued", stdout=StringIO())
    assert [mail.to for mail in mailoutbox] == [["abonnent@example.org"]]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_editor_cannot_send_another_regions_issue(client, editor, issues, subscriber, mailoutbox):
    subscriber("ahus@example.org", region="ahus")
    other = issues["ahus"]
    assert refused(client.post(reverse("newsletter_issue:send", args=[other.pk])))
    other.refresh_from_db()
    assert other.status == Issue.Status.DRAFT
