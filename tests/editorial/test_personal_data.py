"""Personopplysninger: an administrator finds and removes everything kept about one e-mail
address, in every region and app, through the real admin view; the queue moves on; other
people's data stays; region editors cannot use it."""

from django.contrib.auth.models import Group

import pytest

from newsletters.models import Subscription
from registrations.models import Registration, Status, Submission
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db
URL = "/admin/personopplysninger/"


def register(event, email, status):
    return Registration.objects.create(
        event=event, name=email.split("@")[0], email=email, workplace="Hamar", status=status
    )


@pytest.fixture
def kept(index_for, regions):
    """kari@example.org in two regions' events, two newsletters and an event suggestion."""
    hamar = EventPageFactory(
        parent=index_for("event", regions["innlandet"]),
        title="Fagdag i Hamar",
        registration_open=True,
        capacity=1,
    )
    ahus = EventPageFactory(
        parent=index_for("event", regions["ahus"]), title="Ahus-seminar", registration_open=True
    )
    register(hamar, "kari@example.org", Status.CONFIRMED)
    register(hamar, "ola@example.org", Status.WAITING)
    register(ahus, "Kari@Example.org", Status.WAITING)
    Subscription.objects.create(email="kari@example.org", region=regions["innlandet"])
    Subscription.objects.create(email="kari@example.org", region=None, status="confirmed")
    Subscription.objects.create(email="per@example.org", region=None, status="confirmed")
    Submission.objects.create(page=ahus, name="Kari", email="kari@example.org")
    return hamar


def test_administrator_finds_and_removes_everything_about_one_address(
    admin_client, kept, mailoutbox, django_capture_on_commit_callbacks
):
    found = admin_client.post(URL, {"email": "kari@example.org", "handling": "finn"})
    html = found.content.decode()
    assert "Påmelding til «Fagdag i Hamar» (Bekreftet)" in html
    assert "Påmelding til «Ahus-seminar» (På venteliste)" in html
    assert "Forslag til arrangementet «Ahus-seminar»" in html
    assert html.count("Abonnement på") == 2
    assert Registration.objects.count() == 3, "finding deletes nothing"

    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(
            URL, {"email": "kari@example.org", "handling": "slett"}, follow=True
        )
    assert "5 opplysninger om adressen er slettet." in done.content.decode()
    assert not Registration.objects.filter(email__iexact="kari@example.org").exists()
    assert not Subscription.objects.filter(email="kari@example.org").exists()
    assert not Submission.objects.exists()
    # The freed seat went to the first on the waiting list, who got one e-mail.
    ola = Registration.objects.get(email="ola@example.org")
    assert ola.status == Status.CONFIRMED
    assert [mail.to for mail in mailoutbox] == [["ola@example.org"]]
    assert Subscription.objects.filter(email="per@example.org").exists()

    again = admin_client.post(URL, {"email": "kari@example.org", "handling": "finn"})
    assert "Portalen har ingen opplysninger om denne adressen." in again.content.decode()


def test_invalid_address_is_a_field_error(admin_client, kept):
    response = admin_client.post(URL, {"email": "kari@", "handling": "slett"})
    assert response.status_code == 200
    assert "Oppgi en gyldig e-postadresse" in response.content.decode()
    assert Registration.objects.count() == 3


def test_region_editor_cannot_find_or_remove(client, django_user_model, kept):
    editor = django_user_model.objects.create_user("ida", "ida@example.org", "pw")
    editor.groups.add(Group.objects.get(name="innlandet-editors"))
    client.force_login(editor)
    assert client.get(URL).status_code == 302
    client.post(URL, {"email": "kari@example.org", "handling": "slett"})
    assert Registration.objects.count() == 3
    assert Subscription.objects.filter(email="kari@example.org").count() == 2
