"""The SCORM player page of a course and its result endpoint: a pass gives a pass token the
certificate form accepts; anything else is refused with a Norwegian reason."""

import json

from django.test import Client

import pytest

from builder.tree import ensure_index_page
from courses.models import ScormPackage
from courses.passes import attempt_token, read_attempt, read_pass
from courses.scorm.store import save_package
from tests.courses.scorm_zips import demo_upload
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return save_package(ScormPackage(title=""), demo_upload())


@pytest.fixture
def course(home_page, package):
    return CoursePageFactory(
        parent=ensure_index_page("course"),
        title="Håndhygiene",
        delivery="scorm",
        scorm_package=package,
        pass_mark=80,
    )


def player_url(course):
    return course.url + course.reverse_subpage("scorm_player")


def result_url(course):
    return course.url + course.reverse_subpage("scorm_result")


def post_result(client, course, **data):
    return client.post(result_url(course), json.dumps(data), content_type="application/json")


def test_the_player_launches_the_package_from_the_sites_origin(client, course, package):
    response = client.get(player_url(course))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-src="/scorm/{package.key}/index.html"' in html
    assert "<iframe title=" in html
    assert 'aria-live="polite"' in html
    assert "trenger JavaScript" in html  # the <noscript> message
    assert 'name="pass_token"' in html  # the certificate form, hidden until a pass
    assert "courses/vendor/scorm12.min.js" in html
    assert "no-store" in response["Cache-Control"]  # a new attempt token on every visit


def test_the_player_carries_an_attempt_token_for_this_course(client, course):
    html = client.get(player_url(course)).content.decode()
    token = html.split('data-attempt="', 1)[1].split('"', 1)[0]
    assert read_attempt(token, course)


@pytest.mark.parametrize("delivery", ["ekstern", "leksjoner"])
def test_courses_not_delivered_as_scorm_have_no_player(client, course, delivery):
    course.delivery = delivery
    course.save_revision().publish()
    assert client.get(player_url(course)).status_code == 404


def test_a_scorm_course_whose_package_was_deleted_has_no_player(client, course, package):
    package.delete()
    assert client.get(player_url(course)).status_code == 404


@pytest.mark.parametrize("status", ["passed", "completed"])
def test_a_pass_gives_a_pass_token_for_the_certificate(client, course, status):
    attempt = attempt_token(course)
    response = post_result(
        client, course, attempt=attempt, status=status, score={"raw": 90, "min": 0, "max": 100}
    )
    assert response.status_code == 200
    passed = read_pass(response.json()["pass_token"])
    assert passed.course_id == course.pk
    assert passed.percent == 90


def test_a_score_on_another_scale_is_turned_into_percent(client, course):
    response = post_result(
        client,
        course,
        attempt=attempt_token(course),
        status="passed",
        score={"raw": "17", "min": "0", "max": "20"},
    )
    assert read_pass(response.json()["pass_token"]).percent == 85


def test_a_pass_without_a_score_stands_but_a_completion_without_one_does_not(client, course):
    response = post_result(client, course, attempt=attempt_token(course), status="passed")
    assert read_pass(response.json()["pass_token"]).percent == 100
    response = post_result(client, course, attempt=attempt_token(course), status="completed")
    assert response.status_code == 400
    assert "ingen poengsum" in response.json()["error"]


def test_a_failed_attempt_is_refused(client, course):
    response = post_result(
        client, course, attempt=attempt_token(course), status="failed", score={"raw": 33}
    )
    assert response.status_code == 400
    assert "ikke bestått" in response.json()["error"]


def test_a_score_below_the_pass_mark_is_refused(client, course):
    response = post_result(
        client,
        course,
        attempt=attempt_token(course),
        status="passed",
        score={"raw": 67, "min": 0, "max": 100},
    )
    assert response.status_code == 400
    assert "67 %" in response.json()["error"]
    assert "80 %" in response.json()["error"]


def test_an_unfinished_attempt_is_refused(client, course):
    response = post_result(client, course, attempt=attempt_token(course), status="incomplete")
    assert response.status_code == 400
    assert "ikke fullført" in response.json()["error"]


def test_a_forged_attempt_token_is_refused(client, course):
    forged = attempt_token(course)[:-3] + "abc"
    response = post_result(client, course, attempt=forged, status="passed", score={"raw": 100})
    assert response.status_code == 400
    assert "kunne ikke bekreftes" in response.json()["error"]


def test_an_attempt_token_of_another_course_is_refused(client, course):
    other = CoursePageFactory(parent=ensure_index_page("course"), title="Annet kurs")
    response = post_result(
        client, course, attempt=attempt_token(other), status="passed", score={"raw": 100}
    )
    assert response.status_code == 400


def test_a_body_that_is_not_json_is_refused(client, course):
    response = client.post(result_url(course), "status=passed", content_type="text/plain")
    assert response.status_code == 400
    assert response.json()["error"]


def test_the_result_endpoint_only_accepts_post(client, course):
    assert client.get(result_url(course)).status_code == 405


def test_the_result_endpoint_needs_the_csrf_token(course):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        result_url(course),
        json.dumps({"attempt": attempt_token(course), "status": "passed"}),
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_course_page_links_to_its_player(client, course):
    html = client.get(course.url).content.decode()
    assert f'href="{player_url(course)}"' in html
    assert "Start kurset" in html
