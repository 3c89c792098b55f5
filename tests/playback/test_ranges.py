"""Byte ranges: the header parsed as RFC 9110 says, and the response a player gets."""

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.test import RequestFactory

import pytest

from playback.ranges import ByteRange, Unsatisfiable, parse_range, ranged_file_response

SIZE = 1000


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", ByteRange(0, 99)),
        ("bytes=100-", ByteRange(100, 999)),
        ("bytes=-100", ByteRange(900, 999)),
        ("bytes=-5000", ByteRange(0, 999)),
        ("bytes=900-5000", ByteRange(900, 999)),
        ("bytes = 10 - 20", ByteRange(10, 20)),
        (None, None),
        ("", None),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("items=0-10", None),
        ("bytes=20-10", None),  # invalid: ignored
        ("bytes=-", None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, SIZE) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_a_range_outside_the_file_is_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, SIZE)


@pytest.fixture
def stored_file(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("lyd.mp3", ContentFile(bytes(range(256)) * 4))
    return FieldFile(None, type("Field", (), {"storage": storage})(), name)


def body(response):
    return b"".join(response.streaming_content)


def test_a_range_gets_206_with_exactly_those_bytes(stored_file):
    request = RequestFactory().get("/", HTTP_RANGE="bytes=10-19")
    response = ranged_file_response(request, stored_file, "audio/mpeg")
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 10-19/1024"
    assert response["Content-Length"] == "10"
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == bytes(range(10, 20))


def test_no_range_gets_the_whole_file_and_says_ranges_are_accepted(stored_file):
    response = ranged_file_response(RequestFactory().get("/"), stored_file, "audio/mpeg")
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert len(body(response)) == 1024
    assert response["Content-Type"] == "audio/mpeg"


def test_a_range_past_the_end_gets_416(stored_file):
    request = RequestFactory().get("/", HTTP_RANGE="bytes=2000-")
    response = ranged_file_response(request, stored_file, "audio/mpeg")
    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */1024"


def test_if_range_with_an_old_etag_sends_the_whole_file(stored_file):
    first = ranged_file_response(RequestFactory().get("/"), stored_file, "audio/mpeg")
    same = RequestFactory().get("/", HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=first["ETag"])
    assert ranged_file_response(same, stored_file, "audio/mpeg").status_code == 206
    changed = RequestFactory().get("/", HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"')
    assert ranged_file_response(changed, stored_file, "audio/mpeg").status_code == 200


def test_head_gets_the_headers_without_a_body(stored_file):
    request = RequestFactory().head("/", HTTP_RANGE="bytes=0-99")
    response = ranged_file_response(request, stored_file, "audio/mpeg")
    assert response.status_code == 206
    assert response["Content-Length"] == "100"
    assert response.content == b""
