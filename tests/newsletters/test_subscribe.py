"""Double opt-in: the form, the confirmation e-mail and link, and what robots and bad input
get (nothing stored)."""

import re
import time

from django.core import signing

import pytest
from bs4 import BeautifulSoup

from newsletters.forms import started_value
from newsletters.models import Subscription
from newsletters.subscriptions import confirmation_key

pytestmark = pytest.mark.django_db

URL = "/nyhetsbrev/"


def confirm_path(mail):
    match = re.search(r"http://testserver(/\S*nyhetsbrev/bekreft/\S+?/)", mail.body)
    assert match, mail.body
    return match.group(1)


def content(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".newsletter").get_text()


def test_form_is_served_in_every_language(client, regions):
    for prefix, lang in (("", "nb"), ("/nn", "nn"), ("/en", "en")):
        response = client.get(prefix + URL)
        assert response.status_code == 200
        page = BeautifulSoup(response.content, "html.parser")
        assert page.html["lang"] == lang
        assert page.select_one("label[for=newsletter-email]")
        assert page.select_one("label[for=newsletter-area]")


def test_form_preselects_the_visitors_area(client, regions):
    response = client.get(URL + "?o=vestfold")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("#newsletter-area option[selected]")["value"] == "vestfold"


def test_posting_stores_a_pending_subscription_and_mails_a_confirmation_link(
    client, form_data, mailoutbox
):
    response = client.post(URL, form_data())
    assert response.status_code == 200
    assert "Sjekk e-posten din" in response.content.decode()
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.region.slug, subscription.status) == (
        "kari@example.org",
        "innlandet",
        "pending",
    )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["kari@example.org"]
    assert "nyhetsbrev/bekreft/" in mail.body
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html"
    assert confirm_path(mail) in html


def test_confirming_by_link_and_button_makes_it_confirmed(client, form_data, mailoutbox):
    client.post(URL, form_data())
    path = confirm_path(mailoutbox[0])
    page = client.get(path)
    assert page.status_code == 200
    # Opening the link (as a mail scanner does) confirms nothing; the button does.
    assert Subscription.objects.get().status == "pending"
    response = client.post(path)
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == "confirmed"
    assert subscription.confirmed_at is not None


def test_national_newsletter_is_a_subscription_without_region(client, form_data, mailoutbox):
    client.post(URL, form_data(area="nasjonalt"))
    assert Subscription.objects.get().region is None


def test_new_and_already_subscribed_addresses_get_the_same_answer(
    client, form_data, subscriber, mailoutbox
):
    subscriber("ola@example.org")
    new = client.post(URL, form_data(email="per@example.org"))
    known = client.post(URL, form_data(email="Ola@Example.org"))
    strip = re.compile(r"(per|ola)@example\.org", re.IGNORECASE)
    assert known.status_code == new.status_code == 200
    assert strip.sub("", content(known)) == strip.sub("", content(new))
    # Nothing duplicated, and the confirmed subscriber is not mailed again.
    assert Subscription.objects.filter(email="ola@example.org").count() == 1
    assert [mail.to for mail in mailoutbox] == [["per@example.org"]]


def test_unconfirmed_address_gets_its_confirmation_again(client, form_data, mailoutbox):
    client.post(URL, form_data())
    client.post(URL, form_data())
    assert Subscription.objects.count() == 1
    assert len(mailoutbox) == 2


def test_bad_email_is_a_field_error_and_nothing_is_stored(client, form_data, mailoutbox):
    response = client.post(URL, form_data(email="ikke-en-adresse"))
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    field = page.select_one("#newsletter-email")
    assert field["aria-invalid"] == "true"
    assert "newsletter-email-error" in field["aria-describedby"].split()
    assert "gyldig e-postadresse" in page.select_one("#newsletter-email-error").get_text()
    assert field["value"] == "ikke-en-adresse"
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_unknown_area_is_a_field_error(client, form_data):
    response = client.post(URL, form_data(area="atlantis"))
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one("#newsletter-area-error")
    assert not Subscription.objects.exists()


def test_honeypot_submission_looks_fine_but_stores_and_sends_nothing(client, form_data, mailoutbox):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "Sjekk e-posten din" in response.content.decode()
    assert not Subscription.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "started",
    [
        pytest.param(lambda: started_value(time.time() - 1), id="within-seconds"),
        pytest.param(lambda: "", id="missing"),
        pytest.param(lambda: started_value(time.time() - 10) + "x", id="forged"),
    ],
)
def test_too_fast_or_unsigned_submission_stores_nothing(client, form_data, mailoutbox, started):
    response = client.post(URL, form_data(started=started()))
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one("#newsletter-form-error")
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_too_many_submissions_from_one_client_are_refused(client, form_data, mailoutbox):
    statuses = [
        client.post(URL, form_data(email=f"person{n}@example.org")).status_code for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert Subscription.objects.count() == 5


def test_forged_confirmation_link_is_a_400_page(client, subscriber):
    subscription = subscriber("kari@example.org", status="pending")
    forged = confirmation_key(subscription)[:-3] + "abc"
    for method in (client.get, client.post):
        response = method(f"/nyhetsbrev/bekreft/{forged}/")
        assert response.status_code == 400
        assert "Lenken virker ikke" in response.content.decode()
    assert Subscription.objects.get().status == "pending"


def test_expired_confirmation_link_is_a_400_page(client, subscriber, monkeypatch, settings):
    subscription = subscriber("kari@example.org", status="pending")
    days_ago = time.time() - (settings.NEWSLETTER_CONFIRM_DAYS * 24 + 1) * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: days_ago)
        key = confirmation_key(subscription)
    response = client.post(f"/nyhetsbrev/bekreft/{key}/")
    assert response.status_code == 400
    assert "for gammel" in response.content.decode()
    assert Subscription.objects.get().status == "pending"


def test_link_to_an_unsubscribed_subscription_no_longer_confirms(client, subscriber):
    subscription = subscriber("kari@example.org", status="unsubscribed")
    response = client.post(f"/nyhetsbrev/bekreft/{confirmation_key(subscription)}/")
    assert response.status_code == 400
    assert Subscription.objects.get().status == "unsubscribed"


def test_confirmation_mail_follows_the_form_language(client, form_data, mailoutbox):
    client.post("/nn" + URL, form_data())
    assert Subscription.objects.get().language == "nn"
    assert "/nn/nyhetsbrev/bekreft/" in mailoutbox[0].body
