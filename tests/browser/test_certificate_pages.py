"""The kursbevis pages in headless Chromium: axe finds no WCAG 2.1 AA violation on the
issued page (reached by submitting the real form), the verification page (valid and
expired), the check form (empty and with an error), the name error and the removal page, at
phone and desktop width; and the removal form works in a real browser (CSRF and the
Referrer-Policy of its page)."""

import datetime
import secrets

import pytest

from courses import certificates
from courses.passes import Pass, pass_token
from tests.browser.test_accessibility import WIDTHS, axe_violations
from tests.factories import CoursePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Submits the certificate form the way the exam page shows it, with the CSRF token the
# site's header form carries on every page.
SUBMIT = """([token, name]) => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/kursbevis/utsted/';
    const fields = {
        pass_token: token,
        name: name,
        csrfmiddlewaretoken: document.querySelector('[name=csrfmiddlewaretoken]').value,
    };
    for (const [key, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = key;
        input.value = value;
        form.append(input);
    }
    document.body.append(form);
    form.submit();
}"""


def submit_certificate_form(page, course, name):
    # The issuing form is on an exam's result page; pages without a form carry no CSRF token
    # (so the front door can cache them), so take it from another page with a form.
    origin = "/".join(page.url.split("/")[:3])
    page.goto(origin + "/nyhetsbrev/")
    with page.expect_navigation():
        page.evaluate(SUBMIT, [pass_token(course, 90, secrets.token_urlsafe(16)), name])


def test_certificate_pages_have_no_wcag_21_aa_violations(open_page, index_for):
    course = CoursePageFactory(
        parent=index_for("course"),
        title="Legemiddelhåndtering i kommunen",
        delivery="ekstern",
        has_exam=True,
        certificate_valid_years=4,
    )
    expired = certificates.issue(
        Pass(course_id=course.pk, percent=100, attempt="gammelt"),
        "Ola Nordmann",
        today=datetime.date(2019, 6, 3),
    )
    failures = []
    for width in WIDTHS:
        page = open_page("/kursbevis/", width=width)
        origin = page.url.split("/kursbevis/")[0]
        failures += [f"{width}px check form: {v}" for v in axe_violations(page)]

        submit_certificate_form(page, course, "Kari Nordmann")
        assert page.locator("h1").inner_text() == "Kursbeviset er klart"
        failures += [f"{width}px issued: {v}" for v in axe_violations(page)]
        code = page.locator(".certificate__code").inner_text()
        removal = page.locator(".certificate__removal a").get_attribute("href")

        named = {
            "verification": f"/kursbevis/{code}/",
            "verification, expired": f"/kursbevis/{expired.code}/",
            "check form with error": "/kursbevis/?kode=KB-123",
            "removal": removal,
        }
        for name, path in named.items():
            response = page.goto(path if path.startswith("http") else origin + path)
            assert response.status in {200, 400}, f"{name}: HTTP {response.status}"
            failures += [f"{width}px {name}: {v}" for v in axe_violations(page)]
        assert page.locator("h1").inner_text() == "Slette kursbeviset?"
        with page.expect_navigation():
            page.get_by_role("button", name="Slett kursbeviset").click()
        assert page.locator("h1").inner_text() == "Kursbeviset er slettet"
        failures += [f"{width}px removed: {v}" for v in axe_violations(page)]

        submit_certificate_form(page, course, " ")
        assert page.locator("#certificate-name-error").is_visible()
        failures += [f"{width}px name error: {v}" for v in axe_violations(page)]
    assert failures == [], "\n".join(failures)
