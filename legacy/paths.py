"""An old address as Wagtail's redirects store it: the path of a full URL or of a path, with or
without its query string, checked so that a redirect from it can ever be used.

Wagtail's RedirectMiddleware looks for the whole address first and then for the path alone, so
a redirect stored without a query string also catches the old address with any query string
(tracking parameters, ``?replytocom=``); one stored with a query string catches only that one.
"""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect

# Wagtail's Redirect.old_path is a CharField of this length.
MAX_LENGTH = 255


def old_path(address, keep_query=False):
    """``address`` (a path or an http(s) URL) as a redirect's old path: the path only (the
    host and fragment dropped; the query string too unless ``keep_query``), normalised as
    Wagtail normalises it. ValueError with a reason when no redirect from it could work."""
    if not isinstance(address, str):
        raise ValueError(f"expected an address, got {address!r}")
    address = address.strip()
    if not address:
        raise ValueError("empty address")
    if "\0" in address or any(char.isspace() for char in address):
        raise ValueError(f"not an address (spaces or control characters): {address!r}")
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"expected a path or an http(s) address, got {address!r}")
    elif not address.startswith("/"):
        raise ValueError(f"expected a path starting with / or an http(s) address, got {address!r}")
    path = parts.path or "/"
    query = parts.query if keep_query else ""
    normalised = Redirect.normalise_path(f"{path}?{query}" if query else path)
    if normalised.split("?")[0] == "/":
        raise ValueError("the front page (/) always answers, so a redirect from it is never used")
    if len(normalised) > MAX_LENGTH:
        raise ValueError(f"longer than {MAX_LENGTH} characters ({len(normalised)})")
    return normalised
