"""Checking an uploaded SCORM zip: every refusal has its own Norwegian reason, and the
project's demo package passes."""

import io
import zipfile

import pytest

from courses.scorm.package import PackageError, check_package, package_dir, unpack
from tests.courses.scorm_zips import build_zip, demo_upload, manifest, small_package, upload

pytestmark = pytest.mark.django_db  # the suite's autouse baseline fixture needs the database


def refusal(data):
    with pytest.raises(PackageError) as caught:
        check_package(upload(data))
    return " ".join(caught.value.messages)


def test_the_demo_package_is_a_valid_scorm_12_package():
    info = check_package(demo_upload())
    assert info.launch == "index.html"
    assert info.title == "Håndhygiene i kommunale helsetjenester"
    assert info.files == 4
    assert info.size > 0


def test_a_file_that_is_not_a_zip_is_refused():
    assert "ikke en zip-fil" in refusal(b"%PDF-1.7 not a zip at all")


def test_a_truncated_zip_is_refused():
    assert "ikke en zip-fil" in refusal(small_package()[:-40])


def test_a_zip_whose_data_is_corrupt_is_refused():
    data = bytearray(
        build_zip({"imsmanifest.xml": manifest(), "index.html": "x" * 5000, "b.txt": "y" * 900})
    )
    start = data.find(b"b.txt") + 5  # inside b.txt's compressed data, after its local header
    data[start + 2 : start + 6] = b"\xff\xff\xff\xff"
    assert "skadet" in refusal(bytes(data))


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.html", "«..» i stien"),
        ("content/../../evil.html", "«..» i stien"),
        ("/etc/passwd", "absolutt sti"),
        ("C:/windows/evil.html", "absolutt sti"),
        ("content\\evil.html", "bakover-skråstrek"),
    ],
)
def test_unsafe_member_paths_are_refused(name, reason):
    message = refusal(small_package(**{name: "x"}))
    assert "ikke kan pakkes ut trygt" in message
    assert reason in message


def test_a_symlink_entry_is_refused():
    data = build_zip({"imsmanifest.xml": manifest(), "index.html": "x"}, symlinks=["link.html"])
    assert "symbolsk lenke" in refusal(data)


def test_too_many_files_are_refused(settings):
    settings.SCORM_MAX_FILES = 3
    assert "for mange filer" in refusal(small_package(**{"a.txt": "a", "b.txt": "b"}))


def test_an_upload_over_the_size_limit_is_refused(settings):
    settings.SCORM_MAX_UPLOAD_SIZE = 200
    assert "Filen er for stor" in refusal(small_package(**{"big.bin": bytes(range(256)) * 4}))


def test_a_package_too_large_unpacked_is_refused(settings):
    settings.SCORM_MAX_UNPACKED_SIZE = 10_000
    assert "for stor utpakket" in refusal(small_package(**{"big.txt": "x" * 20_000}))


def test_a_zip_bomb_is_refused():
    assert "zip-bombe" in refusal(small_package(**{"zeros.bin": b"\0" * (20 * 1024 * 1024)}))


def test_a_package_without_a_manifest_at_the_root_is_refused():
    data = build_zip({"kurs/imsmanifest.xml": manifest(), "kurs/index.html": "x"})
    assert "Fant ikke imsmanifest.xml i roten" in refusal(data)


def test_a_manifest_with_a_doctype_is_refused():
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n'
    ) + manifest().split("\n", 1)[1].replace("<title>Testkurs</title>", "<title>&lol2;</title>")
    assert "DOCTYPE/ENTITY" in refusal(small_package(**{"imsmanifest.xml": laughs}))


def test_a_manifest_that_is_not_well_formed_is_refused():
    broken = manifest().replace("</manifest>", "")
    assert "ikke gyldig XML" in refusal(small_package(**{"imsmanifest.xml": broken}))


def test_a_scorm_2004_package_is_refused():
    scorm_2004 = manifest().replace(
        "<schemaversion>1.2</schemaversion>", "<schemaversion>2004 4th Edition</schemaversion>"
    )
    assert "SCORM 2004" in refusal(small_package(**{"imsmanifest.xml": scorm_2004}))


def test_a_manifest_without_a_sco_is_refused():
    assets_only = manifest(scormtype="asset")
    assert "ingen startbar leksjon" in refusal(small_package(**{"imsmanifest.xml": assets_only}))


def test_a_sco_not_referenced_by_the_default_organization_is_refused():
    unreferenced = manifest().replace('identifierref="r1"', 'identifierref="elsewhere"')
    assert "ingen startbar leksjon" in refusal(small_package(**{"imsmanifest.xml": unreferenced}))


def test_a_launch_file_missing_from_the_zip_is_refused():
    data = build_zip({"imsmanifest.xml": manifest(href="start.html"), "index.html": "x"})
    assert "start.html" in refusal(data)
    assert "finnes ikke" in refusal(data)


def test_xml_base_and_item_parameters_make_up_the_launch_address():
    text = (
        manifest(href="start.html")
        .replace("<resources>", '<resources xml:base="kurs/">')
        .replace('identifierref="r1"', 'identifierref="r1" parameters="?del=2"')
    )
    info = check_package(upload(build_zip({"imsmanifest.xml": text, "kurs/start.html": "x"})))
    assert info.launch == "kurs/start.html?del=2"


def test_unpacking_puts_the_files_under_media_root_scorm_key(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    key = "0b0c5a1e-0000-4000-8000-000000000001"
    target = unpack(io.BytesIO(small_package(**{"css/site.css": "body{}"})), key)
    assert target == package_dir(key) == tmp_path / "scorm" / key
    assert (target / "index.html").is_file()
    assert (target / "css" / "site.css").read_text() == "body{}"
    assert [p.name for p in (tmp_path / "scorm").iterdir()] == [key]  # no temporary folder left


def test_a_failed_unpack_leaves_nothing_behind(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = bytearray(small_package(**{"b.txt": "y" * 900}))
    start = data.find(b"b.txt") + 5
    data[start + 2 : start + 6] = b"\xff\xff\xff\xff"
    with pytest.raises((zipfile.BadZipFile, OSError, EOFError)):
        unpack(io.BytesIO(bytes(data)), "0b0c5a1e-0000-4000-8000-000000000002")
    assert list((tmp_path / "scorm").iterdir()) == []
