"""Draft → review → publish through the admin, with e-mail notifications, and scheduling."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from tests.editorial.admin_actions import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_user):
    return {
        "editor": make_user("ida", "innlandet-editors"),
        "moderator": make_user("magnus", "innlandet-moderators"),
        "other_moderator": make_user("aase", "ahus-moderators"),
    }


def submit(client, page, title):
    data = page_form(page, title)
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    return Page.objects.get(pk=page.pk)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_region_workflow_is_the_local_teams(site):
    workflow = site["innlandet_news"].get_workflow()
    assert workflow.name == "Lokal redaksjon: godkjenning – Innlandet"
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["innlandet-moderators"]
    assert site["national_course"].get_workflow().name == "Sentral redaksjon: godkjenning"


def test_submit_notifies_moderators_and_approval_publishes(client, site, team):
    page = site["innlandet_news"]
    client.force_login(team["editor"])
    mail.outbox.clear()
    page = submit(client, page, "Ny tittel til godkjenning")
    assert page.workflow_in_progress
    assert page.title == "Innlandsnyhet"  # still the live version
    recipients = {address for message in mail.outbox for address in message.to}
    assert "magnus@example.org" in recipients
    assert "aase@example.org" not in recipients  # another region's moderators are not asked

    client.force_login(team["other_moderator"])
    workflow_action(client, page, "approve")
    assert Page.objects.get(pk=page.pk).workflow_in_progress  # refused: not their region

    client.force_login(team["moderator"])
    response = workflow_action(client, page, "approve", "Ser bra ut")
    assert response.status_code in (200, 302)
    page = Page.objects.get(pk=page.pk)
    assert not page.workflow_in_progress
    assert page.live and page.title == "Ny tittel til godkjenning"
    assert client.get(page.url).status_code == 200


def test_reject_returns_to_draft_with_the_comment(client, site, team):
    page = site["innlandet_news"]
    client.force_login(team["editor"])
    page = submit(client, page, "Uferdig tittel")

    client.force_login(team["moderator"])
    mail.outbox.clear()
    workflow_action(client, page, "reject", "Mangler kilde i tredje avsnitt")
    page = Page.objects.get(pk=page.pk)
    state = page.workflow_states.order_by("-created_at").first()
    assert state.status == "needs_changes"
    assert page.title == "Innlandsnyhet"  # nothing published
    assert page.get_latest_revision().content["title"] == "Uferdig tittel"  # draft kept
    task_state = state.current_task_state
    assert task_state.status == "rejected"
    assert task_state.get_comment() == "Mangler kilde i tredje avsnitt"
    assert any("ida@example.org" in message.to for message in mail.outbox)


def test_scheduled_go_live_publishes_when_the_scheduler_runs(client, site, team):
    page = site["innlandet_news"]
    client.force_login(team["moderator"])
    go_live = timezone.now() + datetime.timedelta(minutes=30)
    data = page_form(page, "Planlagt nyhet")
    data.update(
        {
            "go_live_at": timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
            "action-publish": "action-publish",
        }
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert Page.objects.get(pk=page.pk).title == "Innlandsnyhet"  # not yet

    call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).title == "Innlandsnyhet"  # still too early

    # Let the half hour pass: move the scheduled time (kept in the revision) into the past.
    revision = Page.objects.get(pk=page.pk).get_latest_revision()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).title == "Planlagt nyhet"


def test_expiry_unpublishes_when_the_scheduler_runs(site):
    page = site["ahus_news"]
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page = Page.objects.get(pk=page.pk)
    assert not page.live and page.expired
