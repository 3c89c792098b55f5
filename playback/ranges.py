"""Serving a stored file with HTTP Range support (RFC 9110 §14), so that audio and video
players can seek without downloading the whole file.

One range per request is answered with 206; several ranges, which players do not ask for,
get the whole file (200), which the RFC allows. A range that starts past the end gets 416.
"""

import os
import re
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe

CHUNK_SIZE = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive

    @property
    def length(self):
        return self.end - self.start + 1


class Unsatisfiable(Exception):
    """The range lies outside the file."""


def parse_range(header, size):
    """The single byte range a Range header asks for, or None to send the whole file.

    Raises Unsatisfiable for a range that starts at or past the end of the file."""
    match = _RANGE.match((header or "").replace(" ", ""))
    if not match or not any(match.groups()):
        return None  # absent, malformed or several ranges: the whole file
    first, last = match.groups()
    if not first:  # "bytes=-500": the last 500 bytes
        suffix = int(last)
        if suffix == 0:
            raise Unsatisfiable
        return ByteRange(max(size - suffix, 0), size - 1)
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size:
        raise Unsatisfiable
    if end < start:
        return None  # invalid: ignore it, as the RFC says
    return ByteRange(start, end)


def _chunks(handle, start, length):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            data = handle.read(min(CHUNK_SIZE, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        handle.close()


def _validators(field_file):
    """ETag and Last-Modified from the file's size and modification time."""
    try:
        modified = field_file.storage.get_modified_time(field_file.name).timestamp()
    except (NotImplementedError, OSError):
        return None, None
    return f'"{field_file.size:x}-{int(modified):x}"', int(modified)


def ranged_file_response(request, field_file, content_type, filename=None):
    """A response for ``field_file`` (a Django FieldFile) honouring Range, If-Range and
    If-Modified-Since; HEAD gets the headers alone."""
    size = field_file.size
    etag, modified = _validators(field_file)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if modified is not None and since is not None and modified <= since:
        response = HttpResponse(status=304)
        response["ETag"] = etag
        return response

    header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if header and if_range and if_range not in (etag, http_date(modified) if modified else None):
        header = None  # the file changed since the client's copy: send it whole
    try:
        byte_range = parse_range(header, size)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response

    start, length = (byte_range.start, byte_range.length) if byte_range else (0, size)
    if request.method == "HEAD":
        response = HttpResponse(status=206 if byte_range else 200, content_type=content_type)
    else:
        handle = field_file.storage.open(field_file.name, "rb")
        response = StreamingHttpResponse(
            _chunks(handle, start, length),
            status=206 if byte_range else 200,
            content_type=content_type,
        )
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if byte_range:
        response["Content-Range"] = f"bytes {byte_range.start}-{byte_range.end}/{size}"
    if etag:
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
    name = filename or os.path.basename(field_file.name)
    response["Content-Disposition"] = content_disposition_header(False, name)
    return response
