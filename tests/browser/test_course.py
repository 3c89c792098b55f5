"""The demo course taken in headless Chromium: through its lessons (progress kept in the
browser, a practice question answered), the exam failed, "Se svar", the exam passed and the
kursbevis issued, downloaded and verified; axe on every course page type at 390 and 1280 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import WIDTHS, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_course(live_server):
    from builder.demo.content import load_demo_data
    from builder.demo.course import COURSE_SOURCE_ID
    from resources.models import CoursePage

    load_demo_data(run_update_index=False)
    return CoursePage.objects.get(source_id=COURSE_SOURCE_ID)


def answer_exam(page, course, pick):
    """Tick ``pick(question)`` (option ids) for every question and hand the exam in."""
    from courses.scoring import questions_of

    for question in questions_of(course.exam_questions):
        for option_id in pick(question):
            page.check(f"#option-{option_id}")
    page.get_by_role("button", name="Lever eksamen").click()
    page.wait_for_load_state()


def test_take_the_demo_course_fail_then_pass_the_exam_and_check_with_axe(
    browser, live_server, demo_course
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.goto(live_server.url + demo_course.url)
    page.get_by_role("link", name="Start kurset").click()
    assert "Leksjon 1 av 3" in page.locator(".lesson__position").text_content()

    # A practice question answers at once, without a round trip.
    page.get_by_label("Muntlig beskjed fra sykepleieren på vakt").check()
    page.get_by_role("button", name="Sjekk svaret").click()
    assert "Ikke riktig" in page.locator("[data-feedback]").inner_text()
    assert page.locator("[data-answer]").get_attribute("open") is not None

    page.locator("a[rel=next]").click()
    assert "Leksjon 2 av 3" in page.locator(".lesson__position").text_content()
    page.locator("a[rel=next]").click()
    assert "Leksjon 3 av 3" in page.locator(".lesson__position").text_content()

    # The course page shows the progress this browser kept.
    page.goto(live_server.url + demo_course.url)
    summary = page.locator("[data-progress-summary]")
    assert summary.is_visible()
    assert "3 av 3 leksjoner" in summary.inner_text()
    assert page.locator(".course-lessons__list li.is-done").count() == 3

    page.get_by_role("link", name="Ta eksamen").click()
    answer_exam(page, demo_course, lambda q: [next(o.id for o in q.options if not o.correct)])
    assert "Ikke bestått" in page.locator(".exam-result [role=status]").inner_text()
    review = page.locator("[data-exam-review]")
    assert not review.locator(".exam-review__verdict").first.is_visible()
    review.locator("summary").click()
    expect(review.locator(".exam-review__verdict").first).to_be_visible()
    assert review.locator(".exam-review__verdict--wrong").count() == len(demo_course.exam_questions)
    assert page.locator("[data-certificate-form]").count() == 0

    page.get_by_role("link", name="Prøv igjen").click()
    answer_exam(page, demo_course, lambda q: sorted(q.right_ids))
    assert "Bestått" in page.locator(".exam-result [role=status]").inner_text()
    form = page.locator("[data-certificate-form]")
    assert form.is_visible()
    assert form.locator("input[name=pass_token]").input_value()

    # The kursbevis: typed name, downloaded PDF, the public verification page.
    form.get_by_label("Navnet ditt slik det skal stå på kursbeviset").fill("Åse Øvrebø")
    form.get_by_role("button", name="Lag kursbevis").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Kursbeviset er klart"
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned kursbevis (PDF)").click()
    text = pdf_text(download_info.value.path())
    assert "Åse Øvrebø" in text and demo_course.title in text
    page.locator("a.certificate__url").first.click()
    page.wait_for_load_state()
    verification = page.locator("main").inner_text()
    assert "Åse Øvrebø" in verification and demo_course.title in verification
    assert "Gyldig" in verification
    context.close()

    # The same demo site serves the accessibility sweep of the course page types.
    check_course_pages_with_axe(browser, live_server, demo_course)


def pdf_text(path):
    """The PDF's text with whitespace collapsed: a long course title wraps over lines."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def check_course_pages_with_axe(browser, live_server, demo_course):
    """axe on the course page, a lesson, the exam and the result page, at both widths."""
    lesson = demo_course.lessons()[0]
    failures = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
        page = context.new_page()
        checks = {
            "course with lessons": demo_course.url,
            "lesson": lesson.url,
            "exam": demo_course.url + "eksamen/",
        }
        for name, path in checks.items():
            assert page.goto(live_server.url + path).status == 200
            failures += [f"{width}px {name}: {v}" for v in axe_violations(page)]
        # The result page, with "Se svar" open.
        answer_exam(page, demo_course, lambda q: [q.options[0].id])
        page.locator("[data-exam-review] summary").click()
        page.wait_for_timeout(600)  # let the disclosure finish opening
        failures += [f"{width}px exam result: {v}" for v in axe_violations(page)]
        context.close()
    assert failures == [], "\n".join(failures)
