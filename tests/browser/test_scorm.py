"""The SCORM player in headless Chromium: the project's demo package runs to a pass, the
certificate form appears with its pass token and issues a kursbevis that verifies; a failed
attempt can be retried; progress resumes after a reload; and axe finds no WCAG 2.1 AA
violation on the player."""

import json

import pytest

from builder.demo.scorm_course import ensure_demo_scorm_course
from builder.tree import ensure_home_page
from courses.passes import read_pass
from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RIGHT_ANSWERS = [
    "Når hendene ikke er synlig skitne",
    "Minst 20–30 sekunder",
    "Etter kontakt med pasientens omgivelser",
]
WRONG_ANSWERS = [
    "Ved omgangssyke (norovirus)",
    "Minst 20–30 sekunder",
    "Etter kontakt med pasientens omgivelser",
]


@pytest.fixture
def scorm_course(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    ensure_home_page()
    return ensure_demo_scorm_course()


def player_path(course):
    return course.url + course.reverse_subpage("scorm_player")


def package_frame(page):
    return page.frame_locator("iframe[title^='Kurset']")


def answer(page, labels):
    frame = package_frame(page)
    for label in labels:
        frame.get_by_label(label).check()
    frame.get_by_role("button", name="Send inn svarene").click()


def test_passing_the_demo_package_shows_the_certificate_form(open_page, scorm_course):
    page = open_page(player_path(scorm_course))
    package_frame(page).get_by_role("heading", name="Test deg selv").wait_for()
    status = page.locator("[data-scorm-status]")
    assert "Kurset er i gang" in status.text_content()
    certificate = page.locator("[data-scorm-certificate]")
    assert certificate.is_hidden()

    answer(page, RIGHT_ANSWERS)

    certificate.wait_for(state="visible")
    token = page.locator("[data-scorm-certificate] input[name=pass_token]").input_value()
    passed = read_pass(token)
    assert passed.course_id == scorm_course.pk
    assert passed.percent == 100
    assert "Du har bestått" in status.text_content()
    assert page.get_by_label("Navnet ditt slik det skal stå på kursbeviset").is_visible()
    assert page.evaluate("document.activeElement.id") == "certificate-title"

    # The pass becomes a kursbevis that verifies.
    page.get_by_label("Navnet ditt slik det skal stå på kursbeviset").fill("Kari Nordmann")
    page.get_by_role("button", name="Lag kursbevis").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Kursbeviset er klart"
    page.locator("a.certificate__url").first.click()
    page.wait_for_load_state()
    verification = page.locator("main").inner_text()
    assert "Kari Nordmann" in verification and scorm_course.title in verification
    assert "Gyldig" in verification


def test_a_failed_attempt_shows_why_and_can_be_retried(open_page, scorm_course):
    page = open_page(player_path(scorm_course))
    answer(page, WRONG_ANSWERS)
    retry = page.get_by_role("button", name="Prøv kurset på nytt")
    retry.wait_for(state="visible")
    assert "ikke bestått" in page.locator("[data-scorm-status]").text_content()
    assert page.locator("[data-scorm-certificate]").is_hidden()

    retry.click()
    package_frame(page).get_by_role("heading", name="Test deg selv").wait_for()
    assert "Kurset er i gang" in page.locator("[data-scorm-status]").text_content()
    answer(page, RIGHT_ANSWERS)
    page.locator("[data-scorm-certificate]").wait_for(state="visible")


def test_progress_is_kept_in_the_browser_and_resumed(open_page, scorm_course):
    page = open_page(player_path(scorm_course))
    package_frame(page).get_by_label(RIGHT_ANSWERS[0]).check()
    saved = json.loads(
        page.evaluate(
            "key => localStorage.getItem(key)",
            f"kompetansebroen:scorm:{scorm_course.scorm_package.key}",
        )
    )
    assert json.loads(saved["cmi.suspend_data"]) == {"q1": "a"}
    assert saved["cmi.core.exit"] == "suspend"

    page.reload()
    package_frame(page).get_by_role("heading", name="Test deg selv").wait_for()
    assert "Velkommen tilbake" in page.locator("[data-scorm-status]").text_content()
    assert package_frame(page).get_by_label(RIGHT_ANSWERS[0]).is_checked()


def test_without_javascript_the_player_says_the_course_needs_it(open_page, scorm_course):
    page = open_page(player_path(scorm_course), javascript=False)
    message = page.locator("noscript p")  # Playwright's text search skips <noscript>
    assert "Dette kurset trenger JavaScript" in message.text_content()
    assert message.is_visible()
    assert page.locator("iframe").is_hidden()


def test_the_player_has_no_wcag_21_aa_violations(browser, live_server, scorm_course):
    failures = []
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
        page = context.new_page()
        page.goto(live_server.url + player_path(scorm_course))
        package_frame(page).get_by_role("heading", name="Test deg selv").wait_for()
        failures += [f"{width}px, started: {v}" for v in axe_violations(page, frames=True)]
        answer(page, RIGHT_ANSWERS)
        page.locator("[data-scorm-certificate]").wait_for(state="visible")
        failures += [f"{width}px, passed: {v}" for v in axe_violations(page, frames=True)]
        context.close()
    assert failures == [], "\n".join(failures)
