"""Courses for the courses tests: one taken in the portal (two lessons and a three-question
exam, one question multiple choice), and one taken elsewhere that still offers a kursbevis
(for the certificate tests, which need only a pass)."""

import pytest

from builder.tree import ensure_index_page
from courses.models import LessonPage
from tests.factories import CoursePageFactory


def option(text, correct=False, explanation=""):
    return {"text": text, "correct": correct, "explanation": explanation}


EXAM = [
    (
        "question",
        {
            "question": "Hvem har ansvaret for legemiddelhåndteringen?",
            "options": [
                option("Virksomhetslederen", True, "Forskriften sier det."),
                option("Apoteket", False, "Apoteket leverer bare."),
            ],
        },
    ),
    (
        "question",
        {
            "question": "Hva kontrollerer du på en multidosepose? Velg to.",
            "options": [
                option("Navn", True),
                option("Tidspunkt", True),
                option("Farge", False, "Fargen sier ingenting."),
            ],
        },
    ),
    (
        "question",
        {
            "question": "Hva er formålet med avviksmelding?",
            "options": [option("Læring", True), option("Straff", False)],
        },
    ),
]


@pytest.fixture
def lesson_course(home_page):
    course = CoursePageFactory(
        parent=ensure_index_page("course"),
        title="Trygg legemiddelhåndtering",
        delivery="leksjoner",
        pass_mark=60,
        certificate_valid_years=4,
    )
    course.exam_questions = EXAM
    course.save_revision().publish()
    for number in (1, 2):
        lesson = course.add_child(
            instance=LessonPage(
                title=f"Leksjon {number}",
                slug=f"leksjon-{number}",
                body=[
                    ("paragraph", f"<p>Innhold i leksjon {number}.</p>"),
                    (
                        "practice_question",
                        {
                            "question": "Hvem gir legemidlet?",
                            "options": [option("Den med delegering", True), option("Alle")],
                        },
                    ),
                ],
            )
        )
        lesson.save_revision().publish()
    course.refresh_from_db()
    return course


@pytest.fixture
def course(home_page):
    """A course taken elsewhere with a test: it offers a kursbevis valid four years."""
    return CoursePageFactory(
        parent=ensure_index_page("course"),
        title="Legemiddelhåndtering i kommunen",
        delivery="ekstern",
        has_exam=True,
        pass_mark=80,
        certificate_valid_years=4,
    )
