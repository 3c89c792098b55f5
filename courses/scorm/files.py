"""/scorm/<key>/<path>: an unpacked package's files, served from the site's own origin.

The player's iframe loads the package from here, so the package's script reaches the
player's window.API (same origin). The files may be framed by this site only
(``X-Frame-Options: SAMEORIGIN``; the site's default is DENY), are never sniffed into another
type, and may be cached: a package's files never change under its key (a new upload gets a
new key).
"""

import mimetypes
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.http import http_date
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from courses.scorm.package import package_dir, unsafe_name

CACHE_SECONDS = 24 * 60 * 60
# Types mimetypes may not know (or knows differently on some systems) that packages use.
CONTENT_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".html": "text/html",
    ".htm": "text/html",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".vtt": "text/vtt",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".xml": "application/xml",
    ".xsd": "application/xml",
    ".wasm": "application/wasm",
}


def content_type(path):
    suffix = Path(path).suffix.lower()
    guessed = CONTENT_TYPES.get(suffix) or mimetypes.guess_type(path)[0]
    guessed = guessed or "application/octet-stream"
    if guessed.startswith("text/") or guessed in ("application/json", "application/xml"):
        return f"{guessed}; charset=utf-8"
    return guessed


def resolve(key, path):
    """The file for ``path`` inside the package ``key``; None for anything outside it."""
    if not path or unsafe_name(path) or path.endswith("/"):
        return None
    root = package_dir(key).resolve()
    candidate = root.joinpath(*path.split("/")).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


@require_safe
@xframe_options_sameorigin
def serve_file(request, key, path):
    file_path = resolve(key, path)
    if file_path is None:
        raise Http404("no such file in this package")
    stat = file_path.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(file_path.open("rb"), content_type=content_type(path))
        response["Content-Length"] = stat.st_size
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "frame-ancestors 'self'"
    return response
