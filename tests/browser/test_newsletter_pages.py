"""The /nyhetsbrev/ pages in headless Chromium: axe finds no WCAG 2.1 AA violation on the
form (empty and with a field error, reached by submitting it in the browser), the
confirmation and unsubscribe pages and a bad link, at phone and desktop width."""

import pytest

from newsletters.models import Subscription
from newsletters.subscriptions import confirmation_key
from tests.browser.test_accessibility import WIDTHS, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_newsletter_pages_have_no_wcag_21_aa_violations(open_page, regions):
    subscription = Subscription.objects.create(email="kari@example.org", region=regions["oslo"])
    paths = {
        "form": "/nyhetsbrev/",
        "nynorsk form": "/nn/nyhetsbrev/",
        "confirm": f"/nyhetsbrev/bekreft/{confirmation_key(subscription)}/",
        "bad link": "/nyhetsbrev/bekreft/forfalsket/",
        "unsubscribe": f"/nyhetsbrev/avmeld/{subscription.token}/",
    }
    failures = []
    for width in WIDTHS:
        for name, path in paths.items():
            page = open_page(path, width=width)
            failures += [f"{width}px {name}: {v}" for v in axe_violations(page)]
        # The form with a field error, submitted the way a person does.
        page = open_page("/nyhetsbrev/", width=width)
        page.fill("#newsletter-email", "ikke-en-adresse")
        with page.expect_navigation():
            page.click(".newsletter-form button[type=submit]")
        assert page.locator("#newsletter-email-error").is_visible()
        described = page.get_attribute("#newsletter-email", "aria-describedby")
        assert "newsletter-email-error" in described.split()
        failures += [f"{width}px form with error: {v}" for v in axe_violations(page)]
    assert failures == [], "\n".join(failures)
    assert not Subscription.objects.exclude(pk=subscription.pk).exists()
