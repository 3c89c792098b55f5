"""Registering for an event on its page: seats, the waiting list, cancelling without an
account, the deadline, the spam guards and the e-mails, through Django's test client on a
real database."""

import datetime
import re
import time

from django.core import mail
from django.utils import timezone

import pytest

from guards.form_timing import SALT
from registrations.models import Registration, Status
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(index_for):
    return EventPageFactory(
        parent=index_for("event"),
        title="Fagdag om demens",
        registration_open=True,
        capacity=3,
        registration_deadline=(timezone.now() + datetime.timedelta(days=10)).date(),
        online=True,
        meeting_url="https://teams.example.org/mote/123",
        ask_dietary=True,
    )


def stamp(seconds_ago=10):
    from django.core import signing

    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def answers(number, **extra):
    return {
        "name": f"Deltaker {number}",
        "email": f"deltaker{number}@example.org",
        "workplace": "Hamar kommune",
        "skjema": stamp(),
        "nettsted": "",
        **extra,
    }


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post with the e-mails sent on commit actually sent (the test's transaction is
    rolled back, so on_commit callbacks are run by hand)."""

    def _post(path, data=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(path, data or {}, **extra)

    return _post


@pytest.fixture
def register(post):
    clients = iter(range(1, 250))

    def _register(client, event, data):
        # A different client address each time: the per-client limit has its own test.
        return post(event.url + "pamelding/", data, REMOTE_ADDR=f"10.0.0.{next(clients)}")

    return _register


def cancel_link(message):
    return re.search(r"https?://[^/]+(/pamelding/avmeld/[^/]+/)", message.body).group(1)


def test_capacity_three_with_five_registrations_gives_three_confirmed_and_two_waiting(
    client, event, register, post
):
    for number in range(5):
        response = register(client, event, answers(number))
        assert response.status_code == 303
        assert response["Location"] == event.url + "#pamelding"
    statuses = list(Registration.objects.order_by("created_at").values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED] * 3 + [Status.WAITING] * 2

    assert len(mail.outbox) == 5
    confirmed, waiting = mail.outbox[0], mail.outbox[3]
    assert confirmed.subject == "Du er påmeldt: Fagdag om demens"
    assert waiting.subject == "Du står på venteliste: Fagdag om demens"
    # The meeting link goes to confirmed participants only, and never on the page.
    assert "https://teams.example.org/mote/123" in confirmed.body
    assert "https://teams.example.org/mote/123" not in waiting.body
    assert "teams.example.org" not in client.get(event.url).content.decode()
    assert confirmed.alternatives[0][1] == "text/html"
    html = client.get(event.url).content.decode()
    assert "Alle plassene er tatt" in html and "Meld meg på venteliste" in html


def test_a_cancellation_moves_the_first_waiting_person_up_and_sends_exactly_one_email(
    client, event, register, post
):
    for number in range(5):
        register(client, event, answers(number))
    first_confirmed = mail.outbox[0]
    mail.outbox.clear()

    link = cancel_link(first_confirmed)
    page = client.get(link)
    assert page.status_code == 200 and "Meld meg av" in page.content.decode()
    assert Registration.objects.get(email="deltaker0@example.org").status == Status.CONFIRMED

    response = post(link)
    assert response.status_code == 200
    assert Registration.objects.get(email="deltaker0@example.org").status == Status.CANCELLED
    promoted = Registration.objects.get(email="deltaker3@example.org")
    assert promoted.status == Status.CONFIRMED and promoted.promoted_at is not None
    assert Registration.objects.get(email="deltaker4@example.org").status == Status.WAITING
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["deltaker3@example.org"]
    assert mail.outbox[0].subject == "Du har fått plass: Fagdag om demens"
    assert "https://teams.example.org/mote/123" in mail.outbox[0].body

    # Cancelling again changes nothing and sends nothing.
    post(link)
    assert len(mail.outbox) == 1
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 3


def test_after_the_deadline_the_form_is_closed_with_a_message(client, event, register, post):
    event.registration_deadline = (timezone.now() - datetime.timedelta(days=1)).date()
    event.save_revision().publish()
    html = client.get(event.url).content.decode()
    assert "Påmeldingsfristen har gått ut" in html
    assert '<form class="registration__form"' not in html
    response = register(client, event, answers(1))
    assert response.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "ikke-en-adresse"}, "email"),
        ({"name": ""}, "name"),
        ({"workplace": ""}, "workplace"),
        ({"dietary": "x" * 301}, "dietary"),
    ],
)
def test_invalid_input_gives_field_errors_and_stores_nothing(
    client, event, register, changes, field
):
    response = register(client, event, answers(1, **changes))
    assert response.status_code == 400
    form = response.context["registration_form"]
    assert field in form.errors
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html
    tag = re.search(rf'<(?:input|textarea)[^>]*id="id_{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in tag
    assert f"id_{field}-error" in tag  # the message is tied to the input
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_same_address_twice_gets_one_registration_and_a_field_error(
    client, event, register, post
):
    register(client, event, answers(1))
    response = register(client, event, answers(1, email="Deltaker1@EXAMPLE.org", name="Igjen"))
    assert response.status_code == 400
    assert "allerede påmeldt" in str(response.context["registration_form"].errors["email"])
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "changes", [{"nettsted": "http://spam.example"}, {"skjema": "now"}, {"skjema": "forfalsket"}]
)
def test_robots_are_stopped_and_nothing_is_stored(client, event, register, changes):
    if changes.get("skjema") == "now":
        changes = {"skjema": stamp(0)}  # sent the moment the form was shown
    response = register(client, event, answers(1, **changes))
    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_many_registrations_from_one_client_are_limited(client, event, register, post):
    event.capacity = None
    event.save_revision().publish()
    codes = [
        client.post(event.url + "pamelding/", answers(n), REMOTE_ADDR="10.9.9.9").status_code
        for n in range(12)
    ]
    assert codes[:10] == [303] * 10
    assert codes[10:] == [429, 429]
    assert Registration.objects.count() == 10


def test_an_event_without_registration_has_no_form_and_no_route(client, index_for):
    event = EventPageFactory(parent=index_for("event"), registration_url="https://skjema.example")
    assert client.post(event.url + "pamelding/", answers(1)).status_code == 404
    assert 'id="pamelding"' not in client.get(event.url).content.decode()


def test_an_unknown_cancellation_link_is_404(client):
    assert client.get("/pamelding/avmeld/finnes-ikke/").status_code == 404


def test_reminders_go_once_to_confirmed_participants_of_tomorrows_events(
    client, event, register, post
):
    from resources.event_registrations import send_reminders

    for number in range(4):
        register(client, event, answers(number))
    mail.outbox.clear()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    event.start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9)))
    event.end = event.start + datetime.timedelta(hours=2)
    event.registration_deadline = None
    event.save_revision().publish()
    assert send_reminders("https://kb.example") == 3
    assert sorted(m.to[0] for m in mail.outbox) == [f"deltaker{n}@example.org" for n in range(3)]
    assert send_reminders("https://kb.example") == 0


def test_purge_deletes_registrations_of_events_over_the_retention_period(
    client, event, register, index_for, settings
):
    from resources.event_registrations import purge

    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    register(client, event, answers(1))
    old = EventPageFactory(parent=index_for("event"), registration_open=True)
    Registration.objects.create(
        event=old, name="Gammel", email="gammel@example.org", workplace="X", status="confirmed"
    )
    recent = EventPageFactory(parent=index_for("event"), registration_open=True)
    Registration.objects.create(
        event=recent, name="Nylig", email="nylig@example.org", workplace="X", status="confirmed"
    )
    now = timezone.now()
    type(old).objects.filter(pk=old.pk).update(
        start=now - datetime.timedelta(days=40), end=now - datetime.timedelta(days=31)
    )
    type(recent).objects.filter(pk=recent.pk).update(
        start=now - datetime.timedelta(days=30), end=now - datetime.timedelta(days=29)
    )
    assert purge() == 1
    assert sorted(Registration.objects.values_list("name", flat=True)) == [
        "Deltaker 1",
        "Nylig",
    ]


def test_the_confirmation_carries_the_event_as_a_calendar_with_the_feeds_uid(
    client, event, register
):
    from icalendar import Calendar

    register(client, event, answers(1))
    (name, content, kind) = mail.outbox[0].attachments[0]
    assert name == f"{event.slug}.ics" and kind.startswith("text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Fagdag om demens"
    assert vevent["DTSTART"].dt == event.start.replace(microsecond=0)
    feed = Calendar.from_ical(client.get(f"/kalender/arrangement/{event.pk}.ics").content)
    assert str(vevent["UID"]) == str(feed.walk("VEVENT")[0]["UID"])
