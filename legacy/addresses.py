"""Which requests that found nothing (404) may have been for an old page address: the only
ones the slug fallback answers and the 404 log counts.

Not the admin, not the site's own views (/kursbevis/, /pamelding/, /nyhetsbrev/ …, whose
addresses carry certificate codes and personal links), not static or media files, not a
404 that a view of its own gave; only GET and HEAD. And not the robots' probes for other
software (wp-admin, .php, .env …), which would otherwise fill the log.
"""

import re
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import URLResolver, get_resolver, get_urlconf
from django.urls.resolvers import LocalePrefixPattern

PAGE_VIEW = "wagtail_serve"
# Probes for software this site does not run. wp-content is not among them: the old site's
# uploads (/wp-content/uploads/…) are old addresses worth a redirect.
NOISE = re.compile(
    r"(^|/)\."  # /.env, /.git/config, /.well-known/…
    r"|wp-admin|wp-login|wp-includes|wp-json|xmlrpc|phpmyadmin|cgi-bin|/vendor/|/owa/"
    r"|\.(php\d?|aspx?|jsp|cgi|env|ini|sql|bak|old|orig|swp|ya?ml|conf|config|log|sh|py"
    r"|zip|rar|7z|tar|gz|tgz)$",
    re.IGNORECASE,
)
_LITERAL_SEGMENT = re.compile(r"([-\w.]+)(/|$)")


def _segments_of(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            yield from _segments_of(pattern.url_patterns)
            continue
        route = str(pattern.pattern).lstrip("^")
        if route == "" and isinstance(pattern, URLResolver):
            yield from _segments_of(pattern.url_patterns)  # Wagtail's own (/_util/ …)
            continue
        literal = _LITERAL_SEGMENT.match(route)
        if literal:
            yield literal.group(1)


@cache
def _own_segments(urlconf):
    """First path segments of the site's own views (not pages), and of static and media."""
    segments = set(_segments_of(get_resolver(urlconf).url_patterns))
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        parts = urlsplit(url or "")
        if not parts.netloc:
            segments.update(segment for segment in parts.path.split("/")[:2] if segment)
    return frozenset(segments)


def _languages():
    return {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}


def page_address(request):
    """The path of a request that found nothing, if it may have been for a page; else None."""
    if request.method not in ("GET", "HEAD"):
        return None
    match = request.resolver_match
    if match is not None and match.url_name != PAGE_VIEW:
        return None  # a view of its own said 404 (an unknown code, an expired link)
    path = request.path
    if "\0" in path or NOISE.search(path):
        return None
    segments = [segment for segment in path.split("/") if segment]
    if segments and segments[0] in _languages():
        segments = segments[1:]
    if segments and segments[0] in _own_segments(get_urlconf() or settings.ROOT_URLCONF):
        return None
    return path
