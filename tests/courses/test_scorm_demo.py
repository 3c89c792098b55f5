"""The demo SCORM course: made once through the same checks as an upload, live under the
national course index, and a second run changes nothing."""

import pytest

from builder.demo.scorm_course import SLUG, ensure_demo_scorm_course
from courses.models import ScormPackage
from courses.scorm.package import package_dir

pytestmark = pytest.mark.django_db


def test_the_demo_scorm_course_is_made_once_and_plays_its_package(settings, tmp_path, home_page):
    settings.MEDIA_ROOT = tmp_path / "media"
    course = ensure_demo_scorm_course()
    again = ensure_demo_scorm_course()

    assert again.pk == course.pk
    assert ScormPackage.objects.count() == 1
    assert course.live and course.slug == SLUG
    assert course.url == f"/e-kurs/{SLUG}/"
    assert course.delivery == "scorm"
    package = course.scorm_package
    assert package.collection.name == "Nasjonalt"
    assert (package_dir(package.key) / package.launch).is_file()
