"""Handing a file Django has checked to the front door: an empty answer with
X-Accel-Redirect to nginx's internal location (settings.MEDIA_ACCEL_REDIRECT_URL), and nginx
sends the bytes from disk, answering Range, If-Range and If-Modified-Since itself, so no
gunicorn worker is held by a slow download or a podcast player seeking.

Without the setting (no nginx in front), or for a file outside MEDIA_ROOT (another storage),
Django serves the file itself: ``ranged_file_response`` for films and sound, Wagtail's
streaming for documents.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from wagtail.utils import sendfile_streaming_backend

from playback.ranges import ranged_file_response


def accel_url(path):
    """The internal address of the file at ``path`` (absolute), or None when the front door
    cannot send it: not configured, or not below MEDIA_ROOT."""
    prefix = getattr(settings, "MEDIA_ACCEL_REDIRECT_URL", "")
    if not prefix:
        return None
    try:
        relative = Path(path).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    except (TypeError, ValueError):
        return None
    return prefix.rstrip("/") + "/" + quote(relative.as_posix(), safe="/")


def _local_path(field_file):
    try:
        return field_file.path
    except NotImplementedError:  # a storage without local files (S3 …)
        return None


def accel_response(url, content_type, filename):
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = url
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


def file_response(request, field_file, content_type):
    """A response sending ``field_file`` (a Django FieldFile): by the front door when it can,
    else with Django's own Range support."""
    path = _local_path(field_file)
    url = accel_url(path) if path else None
    if url is None:
        return ranged_file_response(request, field_file, content_type)
    if not Path(path).is_file():
        raise FileNotFoundError(path)
    return accel_response(url, content_type, Path(field_file.name).name)


def sendfile(request, filename, mimetype="application/octet-stream", **kwargs):
    """Wagtail's SENDFILE_BACKEND interface (its document view, after the privacy check)."""
    url = accel_url(filename)
    if url is None:
        return sendfile_streaming_backend.sendfile(request, filename, mimetype=mimetype, **kwargs)
    response = HttpResponse(content_type=mimetype)
    response["X-Accel-Redirect"] = url
    return response
