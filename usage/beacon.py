"""The statistics beacon: ``POST /api/bruk/`` with ``page=<id>&event=view|podcast|film``, sent
by usage/static/usage/beacon.js from the visitor's browser, so that pages the front door
serves from its cache are counted too (docs/operations/statistics.md).

The request carries no cookie (the script omits credentials) and nothing about it is kept
but the count: no address, no browser name. Programs (by their User-Agent) get the same
answer as people and are not counted.
"""

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from guards.limits import limited
from resources.models import FilmPage, PodcastEpisodePage
from tally.bots import request_is_bot
from tally.counter import count
from tally.events import Event

# What each event of the beacon may be counted on (a play only on a film or an episode).
PAGE_TYPES = {Event.VIEW: Page, Event.PODCAST: PodcastEpisodePage, Event.FILM: FilmPage}
MAX_PAGE_ID = 2**31 - 1


class BadBeacon(ValueError):
    pass


def read(data):
    """(event, page id) from the beacon's form data; BadBeacon if they make no sense."""
    try:
        event = Event(data.get("event", ""))
    except ValueError:
        raise BadBeacon("unknown event") from None
    if event not in PAGE_TYPES:
        raise BadBeacon("not an event of the beacon")
    page = data.get("page", "")
    if not (page.isascii() and page.isdigit() and len(page) <= 10):
        raise BadBeacon("page is not a number")
    if not 0 < int(page) <= MAX_PAGE_ID:
        raise BadBeacon("page is not a page id")
    return event, int(page)


def _answer(status, text=""):
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response


@csrf_exempt  # no cookie, so no CSRF token: it can do nothing but add one to a count
@require_POST
def beacon(request):
    # Only the site's own pages count (a browser says where a request comes from).
    if request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") != "same-origin":
        return _answer(403, "Bare fra nettstedets egne sider.")
    wait = limited(request, "usage")
    if wait is not None:
        response = _answer(429)
        response["Retry-After"] = str(wait)
        return response
    try:
        event, page_id = read(request.POST)
    except BadBeacon:
        return _answer(400, "Ugyldig telling.")
    if not PAGE_TYPES[event].objects.live().filter(pk=page_id).exists():
        return _answer(400, "Ukjent side.")
    if not request_is_bot(request):
        count(event, page_id)
    return _answer(204)
