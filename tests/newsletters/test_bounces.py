"""Bounces: each issue's mail carries its delivery's signed token (envelope sender and header);
record_bounces reads a delivery status notification as a mail server returns it, removes the
address on a permanent failure and counts it on the issue, and ignores forgeries and delays."""

import io
import sys
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from newsletters.bounces import TOKEN_HEADER
from newsletters.models import Delivery, Subscription

pytestmark = pytest.mark.django_db

# As Postfix writes them (RFC 3464), with the returned message's headers.
DSN = """\
From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
To: {to}
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host mx.example.org. I'm sorry to have to inform you ...

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; {recipient}
Action: {action}
Status: {status}
Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected

--B
Content-Type: text/rfc822-headers

From: nyhetsbrev@kompetansebroen.no
To: {recipient}
Subject: Nytt fra Innlandet
{token_header}

--B--
"""


@pytest.fixture
def sent(settings, subscriber, issue, mailoutbox):
    """The issue sent to two subscribers, bounces addressed as configured."""
    settings.NEWSLETTER_BOUNCE_ADDRESS = "nyhetsbrev-retur@kompetansebroen.no"
    settings.DEFAULT_FROM_EMAIL = "nyhetsbrev@kompetansebroen.no"
    gone = subscriber("finnes.ikke@example.org")
    subscriber("kari@example.org")
    call_command("send_newsletter", str(issue.pk), stdout=StringIO())
    return {mail.to[0]: mail for mail in mailoutbox}, gone


def bounce(monkeypatch, to, recipient, action="failed", status="5.1.1", token=""):
    raw = DSN.format(
        to=to,
        recipient=recipient,
        action=action,
        status=status,
        token_header=f"{TOKEN_HEADER}: {token}" if token else "",
    ).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = StringIO()
    call_command("record_bounces", stdout=out)
    return out.getvalue()


def test_mail_is_sent_from_the_deliverys_own_return_address(sent):
    mails, gone = sent
    mail = mails["finnes.ikke@example.org"]
    token = mail.extra_headers[TOKEN_HEADER]
    delivery = Delivery.objects.get(subscription=gone)
    assert token.startswith(f"{delivery.pk}-")
    assert mail.from_email == f"nyhetsbrev-retur+{token}@kompetansebroen.no"
    assert mail.message()["From"] == "nyhetsbrev@kompetansebroen.no"


def test_permanent_failure_removes_the_address_and_counts_on_the_issue(sent, issue, monkeypatch):
    mails, _gone = sent
    return_path = mails["finnes.ikke@example.org"].from_email
    out = bounce(monkeypatch, return_path, "finnes.ikke@example.org")
    assert out.startswith("Permanent failures: 1 (subscriptions removed)")
    assert list(Subscription.objects.values_list("email", flat=True)) == ["kari@example.org"]
    issue.refresh_from_db()
    assert issue.bounced == 1
    # The same notification again: the address is gone already, nothing more happens.
    assert "Permanent failures: 0" in bounce(monkeypatch, return_path, "finnes.ikke@example.org")
    issue.refresh_from_db()
    assert issue.bounced == 1


def test_delay_and_forged_token_change_nothing(sent, issue, monkeypatch):
    mails, gone = sent
    token = mails["finnes.ikke@example.org"].extra_headers[TOKEN_HEADER]
    delayed = bounce(
        monkeypatch, "x@kompetansebroen.no", gone.email, "delayed", "4.4.1", token=token
    )
    assert "temporary: 1" in delayed
    kari = Delivery.objects.get(subscription__email="kari@example.org")
    forged = f"{kari.pk}-{'0' * 16}"
    assert "not ours or not a bounce: 1" in bounce(
        monkeypatch, "x@kompetansebroen.no", "kari@example.org", token=forged
    )
    assert Subscription.objects.count() == 2
    issue.refresh_from_db()
    assert issue.bounced == 0


def test_maildir_bounce_found_by_the_returned_header_without_a_return_address(
    settings, subscriber, issue, mailoutbox, tmp_path
):
    settings.NEWSLETTER_BOUNCE_ADDRESS = ""
    subscriber("finnes.ikke@example.org")
    call_command("send_newsletter", str(issue.pk), stdout=StringIO())
    mail = mailoutbox[0]
    assert mail.from_email == settings.DEFAULT_FROM_EMAIL
    for folder in ("new", "cur", "tmp"):
        (tmp_path / folder).mkdir()
    raw = DSN.format(
        to=settings.DEFAULT_FROM_EMAIL,
        recipient="finnes.ikke@example.org",
        action="failed",
        status="5.1.1",
        token_header=f"{TOKEN_HEADER}: {mail.extra_headers[TOKEN_HEADER]}",
    )
    (tmp_path / "new" / "1.bounce").write_text(raw)
    out = StringIO()
    call_command("record_bounces", "--maildir", str(tmp_path), stdout=out)
    assert out.getvalue().startswith("Permanent failures: 1")
    assert not Subscription.objects.exists()
    assert [path.name for path in (tmp_path / "cur").iterdir()] == ["1.bounce:2,S"]


def test_empty_input_and_a_missing_maildir_are_readable_errors(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(CommandError, match="No message on standard input."):
        call_command("record_bounces")
    with pytest.raises(CommandError, match="is not a Maildir"):
        call_command("record_bounces", "--maildir", str(tmp_path / "nowhere"))
