"""What happens to a request that still finds nothing after Wagtail's redirects.

Placed directly above Wagtail's RedirectMiddleware in settings.MIDDLEWARE, so it sees the
response after the redirects have had their turn (responses pass the middleware bottom-up)
and before CommonMiddleware adds a missing slash. A 404 for an old page address
(legacy/addresses.py) is answered by the page its old slug names (legacy/fallback.py), else
counted in the 404 log (legacy/notfound.py).
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponsePermanentRedirect
from django.middleware.common import CommonMiddleware

from wagtail.models import Site

from legacy.addresses import page_address
from legacy.fallback import old_slug, page_for_slug
from legacy.notfound import record

logger = logging.getLogger(__name__)


def _slash_follows(request):
    """CommonMiddleware will send this request to the same path with a slash, whose 404
    is then counted: counting this one too would count one visit twice."""
    return settings.APPEND_SLASH and CommonMiddleware(lambda r: None).should_redirect_with_slash(
        request
    )


def answer_not_found(request, response):
    """The response for a request that found nothing: a redirect to the page an old address
    names, or the 404 itself (counted in the log)."""
    path = page_address(request)
    if path is None:
        return response
    slug = old_slug(path)
    site = Site.find_for_request(request)
    if slug and site is not None:
        try:
            page = page_for_slug(slug, site)
        except DatabaseError:
            logger.warning("Old address not looked up: the database refused", exc_info=True)
            page = None
        if page is not None:
            return HttpResponsePermanentRedirect(page.get_url(request=request))
    if not _slash_follows(request):
        record(request, path)
    return response


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return answer_not_found(request, response)
