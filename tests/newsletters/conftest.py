"""Newsletter fixtures: subscribers in each state, an issue, and a mail backend that refuses
chosen addresses the way an SMTP server does."""

import time

import pytest

from newsletters.forms import started_value
from newsletters.models import Issue, Subscription


@pytest.fixture
def form_data(regions):
    """A valid subscription form for Innlandet, started ten seconds ago."""

    def _data(**changes):
        data = {
            "email": "kari@example.org",
            "area": "innlandet",
            "website": "",
            "started": started_value(time.time() - 10),
        }
        data.update(changes)
        return data

    return _data


@pytest.fixture
def subscriber(regions):
    """subscriber("a@example.org", "innlandet", status="confirmed") -> a Subscription."""

    def _make(email, region="innlandet", status=Subscription.Status.CONFIRMED, **fields):
        return Subscription.objects.create(
            email=email,
            region=regions[region] if region else None,
            status=status,
            **fields,
        )

    return _make


@pytest.fixture
def issue(regions):
    return Issue.objects.create(
        region=regions["innlandet"],
        subject="Nytt fra Innlandet",
        intro="Ukens nyheter og kommende fagdager.",
        items=[
            (
                "item",
                {
                    "title": "Fagdag om demens",
                    "meta": "12. mai, Hamar",
                    "text": "Om kartlegging.",
                    "url": "http://testserver/kurs-og-moteplasser/fagdag-om-demens/",
                },
            )
        ],
    )


@pytest.fixture
def refusing_backend(settings):
    """The locmem backend, but addresses in RefusingBackend.refused are refused (550)."""
    settings.EMAIL_BACKEND = "tests.newsletters.backends.RefusingBackend"
    from tests.newsletters.backends import RefusingBackend

    RefusingBackend.refused = set()
    yield RefusingBackend
    RefusingBackend.refused = set()
