"""Organisers see, export and manage the registrations of their own region's events only,
through the real Wagtail admin views."""

import csv
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from registrations.models import Registration, Status
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db
URL = "/admin/pameldinger/"


@pytest.fixture
def editor(client, django_user_model, regions):
    user = django_user_model.objects.create_user("ida", "ida@example.org", "pw")
    user.groups.add(Group.objects.get(name="innlandet-editors"))
    client.force_login(user)
    return client


def add(event, name, status=Status.CONFIRMED, **extra):
    return Registration.objects.create(
        event=event,
        name=name,
        email=f"{name.lower()}@example.org",
        workplace="Hamar kommune",
        status=status,
        **extra,
    )


@pytest.fixture
def events(index_for, regions):
    own = EventPageFactory(
        parent=index_for("event", regions["innlandet"]),
        title="Fagdag i Hamar",
        registration_open=True,
        capacity=2,
    )
    other = EventPageFactory(
        parent=index_for("event", regions["ahus"]), title="Ahus-seminar", registration_open=True
    )
    add(own, "Kari")
    add(own, "Ola")
    add(own, "Per", Status.WAITING)
    add(other, "Hemmelig")
    return own, other


def test_an_editor_sees_only_their_own_regions_registrations(editor, events):
    own, other = events
    html = editor.get(URL).content.decode()
    assert "Fagdag i Hamar" in html and "Kari" in html
    assert "Ahus-seminar" not in html and "Hemmelig" not in html
    assert "Bekreftet: 2 av 2 plasser · Venteliste: 1" in html
    assert editor.get(URL, {"arrangement": other.pk}).status_code == 404
    assert editor.get(URL, {"arrangement": other.pk, "eksport": "csv"}).status_code == 404
    response = editor.post(URL, {"arrangement": other.pk, "handling": "melding", "subject": "x"})
    assert response.status_code == 404


def test_exports_hold_the_own_events_participants(editor, events):
    own, _other = events
    add(own, "=HYPERLINK", Status.WAITING)  # a formula in a name stays text
    response = editor.get(URL, {"arrangement": own.pk, "eksport": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="fagdag-i-hamar.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Navn", "E-post", "Arbeidssted"]
    assert [row[0] for row in rows[1:]] == ["Kari", "Ola", "Per", "'=HYPERLINK"]

    response = editor.get(URL, {"arrangement": own.pk, "eksport": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "Kari",
        "Ola",
        "Per",
        "'=HYPERLINK",
    ]


def test_organiser_moves_someone_up_cancels_and_deletes_on_request(
    editor, events, django_capture_on_commit_callbacks
):
    own, _other = events
    per = Registration.objects.get(name="Per")
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(URL, {"arrangement": own.pk, "paamelding": per.pk, "handling": "flytt-opp"})
    per.refresh_from_db()
    assert per.status == Status.CONFIRMED
    assert [m.subject for m in mail.outbox] == ["Du har fått plass: Fagdag i Hamar"]

    kari = Registration.objects.get(name="Kari")
    editor.post(URL, {"arrangement": own.pk, "paamelding": kari.pk, "handling": "avmeld"})
    kari.refresh_from_db()
    assert kari.status == Status.CANCELLED

    ola = Registration.objects.get(name="Ola")
    editor.post(URL, {"arrangement": own.pk, "paamelding": ola.pk, "handling": "slett"})
    assert not Registration.objects.filter(pk=ola.pk).exists()


def test_organiser_emails_the_confirmed_participants(editor, events):
    own, _other = events
    response = editor.post(
        URL,
        {"arrangement": own.pk, "handling": "melding", "subject": "Ny sal", "body": "Sal 2."},
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["kari@example.org", "ola@example.org"]
    assert all(m.subject == "Ny sal" for m in mail.outbox)

    response = editor.post(URL, {"arrangement": own.pk, "handling": "melding", "subject": ""})
    assert response.status_code == 400
    assert "subject" in response.context["message_form"].errors


def test_the_menu_item_is_in_the_admin(editor, events):
    assert reverse("event_registrations") == URL
    assert '"/admin/pameldinger/"' in editor.get("/admin/").content.decode()
