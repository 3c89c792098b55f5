"""Simultaneous registrations on PostgreSQL: 40 people for 10 seats at the same moment, each
through its own database connection (one thread per request), end as exactly 10 confirmed
and 30 waiting; the same address twice at once gives one registration.

SQLite serialises writers itself and is not the production database: there the test is
skipped (CI runs the suite on PostgreSQL too).
"""

import threading
import time

from django.core import signing
from django.db import connection, connections
from django.test import Client

import pytest

from guards.form_timing import SALT
from registrations.models import Registration, Status
from tests.factories import EventPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
    ),
]


def post_all(url, forms):
    """POST every form at the same moment, one thread (and connection) each."""
    start = threading.Barrier(len(forms))
    statuses = [None] * len(forms)

    def send(number, data):
        try:
            start.wait()
            response = Client().post(url, data, REMOTE_ADDR=f"10.1.{number // 250}.{number % 250}")
            statuses[number] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=item) for item in enumerate(forms)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def form(email):
    stamp = signing.dumps(time.time() - 10, salt=SALT)
    return {"name": "Deltaker", "email": email, "workplace": "Gjøvik kommune", "skjema": stamp}


@pytest.fixture
def event(index_for):
    return EventPageFactory(parent=index_for("event"), registration_open=True, capacity=10)


def test_forty_at_once_for_ten_seats_gives_ten_confirmed_and_thirty_waiting(event):
    emails = [f"person{number}@example.org" for number in range(40)]
    statuses = post_all(event.url + "pamelding/", [form(email) for email in emails])

    assert statuses == [303] * 40
    rows = Registration.objects.filter(event_id=event.pk)
    assert rows.count() == 40
    assert sorted(rows.values_list("email", flat=True)) == sorted(emails)
    assert rows.filter(status=Status.CONFIRMED).count() == 10
    assert rows.filter(status=Status.WAITING).count() == 30
    # The ten seats went to the ten who came first.
    ordered = list(rows.order_by("created_at", "pk").values_list("status", flat=True))
    assert ordered == [Status.CONFIRMED] * 10 + [Status.WAITING] * 30


def test_the_same_address_twice_at_once_gives_one_registration(event):
    statuses = post_all(event.url + "pamelding/", [form("samme@example.org")] * 2)

    assert sorted(statuses) == [303, 400]
    assert Registration.objects.filter(email="samme@example.org").count() == 1
