"""/scorm/<key>/<path>: an unpacked package's files, from the site's own origin, framable by
the site only, with their own content types, and nothing outside the package."""

from django.urls import reverse

import pytest

from courses.models import ScormPackage
from courses.scorm.store import save_package
from tests.courses.scorm_zips import demo_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "secret.txt").write_text("not for visitors")
    return save_package(ScormPackage(title=""), demo_upload())


def file_url(package, path):
    return reverse("scorm_file", kwargs={"key": package.key, "path": path})


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("course.js", "text/javascript; charset=utf-8"),
        ("course.css", "text/css; charset=utf-8"),
        ("imsmanifest.xml", "application/xml; charset=utf-8"),
    ],
)
def test_package_files_are_served_with_their_content_type(client, package, path, content_type):
    response = client.get(file_url(package, path))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert b"".join(response.streaming_content)


def test_package_files_may_be_framed_by_the_site_only_and_are_not_sniffed(client, package):
    response = client.get(file_url(package, "index.html"))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "frame-ancestors 'self'"


def test_package_files_may_be_cached_and_revalidated(client, package):
    response = client.get(file_url(package, "course.js"))
    assert "max-age=" in response["Cache-Control"]
    again = client.get(
        file_url(package, "course.js"), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "../secret.txt",
        "../../secret.txt",
        "%2e%2e/%2e%2e/secret.txt",
        "..%2f..%2fsecret.txt",
        "/etc/passwd",
        "a\\..\\..\\secret.txt",
        "finnes-ikke.html",
        "",
    ],
)
def test_paths_outside_the_package_or_missing_files_are_not_found(client, package, path):
    url = f"/scorm/{package.key}/{path}"
    response = client.get(url)
    assert response.status_code == 404
    assert b"not for visitors" not in response.content


def test_an_unknown_package_key_is_not_found(client, package):
    assert client.get("/scorm/00000000-0000-4000-8000-000000000000/index.html").status_code == 404


def test_only_reading_is_allowed(client, package):
    assert client.post(file_url(package, "index.html")).status_code == 405
