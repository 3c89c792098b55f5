"""Registering for the demo event in headless Chromium: the form's errors are announced and
linked to their fields, a registration goes through, and axe finds nothing on the form in
either state or on the cancellation page."""

import re

import pytest

from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def event(live_server):
    from builder.demo.content import load_demo_data
    from resources.models import EventPage

    load_demo_data(run_update_index=False)
    return EventPage.objects.get(registration_open=True)


def test_register_for_the_demo_event_and_cancel(event, open_page):
    from django.core import mail

    from registrations.models import Registration, Status

    page = open_page(event.url, width=390)
    page.get_by_role("button", name="Meld meg på").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Påmeldingen er ikke sendt")
    assert summary.is_visible()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    assert not Registration.objects.exists()

    page.get_by_label("Navn").fill("Kari Nordmann")
    page.get_by_label("E-post").fill("kari@example.org")
    page.get_by_label("Arbeidssted").fill("Hamar kommune")
    page.wait_for_timeout(3200)  # a person takes longer than the robots' limit
    page.get_by_role("button", name="Meld meg på").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").filter(has_text="Du er påmeldt").is_visible()
    assert axe_violations(page) == []
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED

    link = re.search(r"(/pamelding/avmeld/[^/\s]+/)", mail.outbox[-1].body).group(1)
    page.goto(page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + link)
    assert axe_violations(page) == []
    page.get_by_role("button", name="Meld meg av").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").filter(has_text="Du er meldt av").is_visible()
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
