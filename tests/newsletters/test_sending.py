"""send_newsletter: who gets an issue, the unsubscribe headers, no second copy, failures kept
and retried, and a readable error for an unknown issue."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from newsletters.models import Delivery, Issue
from newsletters.sending import MAX_ATTEMPTS

pytestmark = pytest.mark.django_db


def send(issue_id, *args):
    out = StringIO()
    call_command("send_newsletter", str(issue_id), *args, stdout=out)
    return out.getvalue()


def test_only_confirmed_subscribers_of_the_issues_region_get_it(subscriber, issue, mailoutbox):
    subscriber("bekreftet@example.org")
    subscriber("venter@example.org", status="pending")
    subscriber("avmeldt@example.org", status="unsubscribed")
    subscriber("ahus@example.org", region="ahus")
    subscriber("nasjonal@example.org", region=None)
    send(issue.pk)
    assert [mail.to for mail in mailoutbox] == [["bekreftet@example.org"]]


def test_confirmed_subscriber_gets_one_mail_with_both_unsubscribe_headers(
    subscriber, issue, mailoutbox
):
    subscription = subscriber("kari@example.org")
    send(issue.pk)
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    leave = f"http://testserver/nyhetsbrev/avmeld/{subscription.token}/"
    assert mail.subject == "Nytt fra Innlandet"
    assert mail.extra_headers["List-Unsubscribe"] == f"<{leave}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    message = mail.message()
    assert message["List-Unsubscribe"] == f"<{leave}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert leave in mail.body
    html, _ = mail.alternatives[0]
    assert leave in html
    assert "Fagdag om demens" in mail.body and "Fagdag om demens" in html


def test_national_issue_goes_to_national_subscribers_only(subscriber, issue, mailoutbox, regions):
    issue.region = None
    issue.save()
    subscriber("nasjonal@example.org", region=None)
    subscriber("innlandet@example.org")
    send(issue.pk)
    assert [mail.to for mail in mailoutbox] == [["nasjonal@example.org"]]


def test_second_run_sends_nothing_and_issue_is_marked_sent(subscriber, issue, mailoutbox):
    subscriber("kari@example.org")
    subscriber("ola@example.org")
    first = send(issue.pk, "--batch-size", "1")
    assert len(mailoutbox) == 2
    assert "marked sent" in first
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.sent_at is not None
    second = send(issue.pk)
    assert len(mailoutbox) == 2
    assert "sent already" in second


def test_a_run_does_not_resend_to_addresses_already_delivered(subscriber, issue, mailoutbox):
    """Even when the issue is not marked sent (a run that stopped half-way)."""
    kari = subscriber("kari@example.org")
    subscriber("ola@example.org")
    Delivery.objects.create(issue=issue, subscription=kari, status=Delivery.Status.SENT)
    send(issue.pk)
    assert [mail.to for mail in mailoutbox] == [["ola@example.org"]]
    assert Delivery.objects.filter(issue=issue).count() == 2


def test_failures_are_kept_with_their_error_and_retried_later(
    subscriber, issue, refusing_backend, mailoutbox
):
    subscriber("kari@example.org")
    refused = subscriber("avvist@example.org")
    refusing_backend.refused = {"avvist@example.org"}
    with pytest.raises(CommandError, match="1 failed"):
        send(issue.pk)
    failed = Delivery.objects.get(subscription=refused)
    assert failed.status == Delivery.Status.FAILED
    assert "SMTPRecipientsRefused" in failed.error and "mailbox unavailable" in failed.error
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    assert [mail.to for mail in mailoutbox] == [["kari@example.org"]]

    refusing_backend.refused = set()
    send(issue.pk)
    assert [mail.to for mail in mailoutbox] == [["kari@example.org"], ["avvist@example.org"]]
    failed.refresh_from_db()
    assert (failed.status, failed.error, failed.attempts) == (Delivery.Status.SENT, "", 2)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_unknown_issue_is_one_readable_line_and_a_non_zero_exit():
    """A CommandError is what manage.py prints as one line and exits 1 with."""
    with pytest.raises(CommandError) as error:
        send(999999)
    assert str(error.value) == "No newsletter issue with id 999999."


def test_an_address_that_keeps_failing_is_given_up_after_three_attempts(
    subscriber, issue, refusing_backend, mailoutbox
):
    refused = subscriber("avvist@example.org")
    refusing_backend.refused = {"avvist@example.org"}
    for _attempt in range(MAX_ATTEMPTS - 1):
        with pytest.raises(CommandError, match="1 failed"):
            send(issue.pk)
    # The last attempt fails too: the failure stays recorded, and the issue is finished.
    assert "sent 0, failed 1" in send(issue.pk)
    assert "sent already" in send(issue.pk)
    assert len(mailoutbox) == 0
    delivery = Delivery.objects.get(subscription=refused)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.FAILED, MAX_ATTEMPTS)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_queued_or_an_id_but_not_both_nor_neither(issue):
    for args in ([], [str(issue.pk), "--queued"]):
        with pytest.raises(CommandError, match="either an issue id or --queued"):
            call_command("send_newsletter", *args, stdout=StringIO())
