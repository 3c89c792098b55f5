"""Courses taken in the portal, through the Django test client: lessons with previous/next,
the exam scored on the server, "Se svar", tampering, question statistics and their report."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from builder.tree import ensure_index_page
from courses import passes
from courses.models import QuestionStat
from courses.scoring import questions_of
from resources.models import CoursePage
from tests.courses.conftest import EXAM
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def exam_url(course):
    return course.url + "eksamen/"


def start(client, course):
    response = client.get(exam_url(course))
    assert response.status_code == 200
    return re.search(r'name="forsok" value="([^"]+)"', response.content.decode()).group(1)


def answers(course, pick):
    """Form data answering each question with ``pick(question)`` (a list of option ids)."""
    data = {}
    for question in questions_of(course.exam_questions):
        data[question.field_name] = pick(question)
    return data


def right(question):
    return sorted(question.right_ids)


def wrong(question):
    return [next(o.id for o in question.options if not o.correct)]


def test_course_page_lists_lessons_and_the_exam(client, lesson_course):
    html = client.get(lesson_course.url).content.decode()
    lessons = lesson_course.lessons()
    assert [lesson.title for lesson in lessons] == ["Leksjon 1", "Leksjon 2"]
    assert f'href="{lessons[0].url}" data-course-start' in html
    assert f'data-course-lessons="{lesson_course.pk}"' in html
    assert f'href="{exam_url(lesson_course)}"' in html
    assert "Ja, med kursbevis etter bestått test" in html
    assert "4 år" in html


def test_lessons_link_previous_and_next_and_the_last_leads_to_the_exam(client, lesson_course):
    first, second = lesson_course.lessons()
    html = client.get(first.url).content.decode()
    assert "Leksjon 1 av 2" in html
    assert f'rel="next" href="{second.url}"' in html
    assert 'rel="prev"' not in html
    assert f'data-course-progress="{lesson_course.pk}" data-lesson="{first.pk}"' in html
    html = client.get(second.url).content.decode()
    assert f'rel="prev" href="{first.url}"' in html
    assert f'href="{exam_url(lesson_course)}">Til eksamen' in html


def test_practice_question_works_without_javascript(client, lesson_course):
    html = client.get(lesson_course.lessons()[0].url).content.decode()
    assert "Øvingsspørsmål" in html and "1 riktig svar" in html
    assert 'data-correct="true"' in html and "Vis svaret" in html


def test_exam_form_says_how_many_answers_are_right(client, lesson_course):
    html = client.get(exam_url(lesson_course)).content.decode()
    assert html.count('<fieldset class="ds-fieldset exam-question"') == 3
    assert "2 riktige svar" in html and "1 riktig svar" in html
    assert html.count('type="checkbox"') == 3  # the two-answer question's three options
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in client.get(exam_url(lesson_course))["Cache-Control"]


def test_passing_shows_the_score_the_review_and_the_certificate_form(client, lesson_course):
    attempt = start(client, lesson_course)
    response = client.post(
        exam_url(lesson_course), {"forsok": attempt, **answers(lesson_course, right)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bestått" in html and "Du svarte riktig på 3 av 3 spørsmål (100 %)" in html
    assert "Se svar" in html and "Forskriften sier det." in html
    token = re.search(r'name="pass_token" value="([^"]+)"', html).group(1)
    earned = passes.read_pass(token)
    assert (earned.course_id, earned.percent) == (lesson_course.pk, 100)
    assert {(s.answered, s.right) for s in QuestionStat.objects.filter(course=lesson_course)} == {
        (1, 1)
    }


def test_failing_shows_what_was_right_and_offers_another_try(client, lesson_course):
    attempt = start(client, lesson_course)

    def partly(question):  # the multiple-choice question gets one of its two right options
        return sorted(question.right_ids)[:1] if question.multiple else wrong(question)

    response = client.post(
        exam_url(lesson_course), {"forsok": attempt, **answers(lesson_course, partly)}
    )
    html = response.content.decode()
    assert "Ikke bestått" in html and "Du svarte riktig på 0 av 3 spørsmål (0 %)" in html
    assert "Delvis riktig" in html and html.count("Ditt svar") == 3
    assert html.count(">Riktig svar<") == 4
    assert "Apoteket leverer bare." in html
    assert 'name="pass_token"' not in html and "Prøv igjen" in html
    stats = QuestionStat.objects.filter(course=lesson_course)
    assert sorted((s.answered, s.right) for s in stats) == [(1, 0)] * 3


@pytest.mark.parametrize(
    "tamper", ["other course", "unknown option", "duplicate", "forged attempt"]
)
def test_tampered_submissions_get_a_message_and_score_nothing(client, lesson_course, tamper):
    attempt = start(client, lesson_course)
    data = {"forsok": attempt, **answers(lesson_course, right)}
    if tamper == "other course":
        other = CoursePageFactory(parent=ensure_index_page("course"), delivery="leksjoner")
        other.exam_questions = EXAM  # saved anew, so with ids of its own
        other.save_revision().publish()
        data.update(answers(CoursePage.objects.get(pk=other.pk), right))
    elif tamper == "unknown option":
        data[next(iter(answers(lesson_course, right)))] = ["finnes-ikke"]
    elif tamper == "duplicate":
        key = next(iter(answers(lesson_course, right)))
        data[key] = data[key] * 2
    else:
        data["forsok"] = attempt[:-2] + "xx"
    response = client.post(exam_url(lesson_course), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Start eksamenen på nytt" in html and "Bestått" not in html
    assert not QuestionStat.objects.exists()


def test_an_attempt_is_scored_once(client, lesson_course):
    data = {"forsok": start(client, lesson_course), **answers(lesson_course, right)}
    assert client.post(exam_url(lesson_course), data).status_code == 200
    again = client.post(exam_url(lesson_course), data)
    assert again.status_code == 400
    assert "allerede levert" in again.content.decode()
    assert {s.answered for s in QuestionStat.objects.filter(course=lesson_course)} == {1}


def test_an_unanswered_question_is_named_and_the_answers_are_kept(client, lesson_course):
    attempt = start(client, lesson_course)
    data = {"forsok": attempt, **answers(lesson_course, right)}
    multiple = next(q for q in questions_of(lesson_course.exam_questions) if q.multiple)
    del data[multiple.field_name]
    response = client.post(exam_url(lesson_course), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Svar på alle spørsmålene før du leverer. Det mangler svar på 1." in html
    assert f'id="missing-{multiple.id}"' in html
    assert html.count(" checked") == 2
    assert not QuestionStat.objects.exists()


def test_a_course_without_an_exam_has_no_exam_page(client, home_page):
    course = CoursePageFactory(parent=ensure_index_page("course"), delivery="ekstern")
    assert client.get(exam_url(course)).status_code == 404


def test_editors_see_question_statistics_without_personal_data(client, lesson_course):
    for pick in (right, wrong):
        client.post(
            exam_url(lesson_course),
            {"forsok": start(client, lesson_course), **answers(lesson_course, pick)},
        )
    admin = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(admin)
    response = client.get(reverse("course_exam_statistics"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trygg legemiddelhåndtering" in html
    assert html.count("<td>2</td><td>50 %</td>") == 3
    assert client.get(reverse("course_exam_statistics") + "?kurs=999999").status_code == 404


def test_admin_refuses_a_question_without_a_right_answer(client, home_page):
    admin = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(admin)
    parent = ensure_index_page("course")
    options = {
        "count": 2,
        **{
            str(n): {
                "value": {"text": text, "explanation": ""},
                "deleted": "",
                "order": n,
                "id": "",
            }
            for n, text in enumerate(["A", "B"])
        },
    }
    data = nested_form_data(
        {
            "title": "Kurs uten riktig svar",
            "slug": "kurs-uten-riktig-svar",
            "summary": "Kort.",
            "date": "2026-01-01",
            "body": streamfield([]),
            "course_format": "e-læring",
            "delivery": "leksjoner",
            "exam_questions": streamfield([("question", {"question": "Hva?", "options": options})]),
            "pass_mark": "80",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("resources", "coursepage", parent.pk))
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Minst ett svaralternativ m\\u00e5 v\\u00e6re riktig." in html
    assert not CoursePage.objects.filter(slug="kurs-uten-riktig-svar").exists()
