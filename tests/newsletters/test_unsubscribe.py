"""Unsubscribing: the page with a button, and the one-click POST of RFC 8058 that mail
programs send without a CSRF token. Either stops mail at once."""

import pytest

from newsletters.models import Subscription
from newsletters.sending import send_issue

pytestmark = pytest.mark.django_db


def url(subscription):
    return f"/nyhetsbrev/avmeld/{subscription.token}/"


def test_page_shows_a_button_and_unsubscribes_only_when_it_is_pressed(client, subscriber):
    subscription = subscriber("kari@example.org")
    page = client.get(url(subscription))
    assert page.status_code == 200
    assert b"<form" in page.content
    subscription.refresh_from_db()
    assert subscription.status == "confirmed"
    done = client.post(url(subscription))
    assert done.status_code == 200
    assert "Du er avmeldt" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    assert subscription.unsubscribed_at is not None


def test_one_click_post_without_csrf_token_unsubscribes(subscriber):
    from django.test import Client

    subscription = subscriber("kari@example.org")
    mail_provider = Client(enforce_csrf_checks=True)
    response = mail_provider.post(
        url(subscription),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"


@pytest.mark.parametrize("how", ["page", "one-click"])
def test_unsubscribed_address_gets_no_more_issues(client, subscriber, issue, mailoutbox, how):
    leaving = subscriber("kari@example.org")
    staying = subscriber("ola@example.org")
    if how == "page":
        client.get(url(leaving))
    client.post(url(leaving), {"List-Unsubscribe": "One-Click"})
    send_issue(issue)
    assert [mail.to for mail in mailoutbox] == [[staying.email]]


def test_unknown_token_is_a_404_page_not_an_error(client):
    response = client.get("/nyhetsbrev/avmeld/finnes-ikke/")
    assert response.status_code == 404
    assert "Ingen abonnement" in response.content.decode()
    assert client.post("/nyhetsbrev/avmeld/finnes-ikke/").status_code == 404


def test_unsubscribing_makes_room_to_subscribe_again(client, subscriber, form_data, mailoutbox):
    old = subscriber("kari@example.org")
    client.post(url(old))
    client.post("/nyhetsbrev/", form_data())
    assert sorted(Subscription.objects.values_list("status", flat=True)) == [
        "pending",
        "unsubscribed",
    ]
    assert len(mailoutbox) == 1
