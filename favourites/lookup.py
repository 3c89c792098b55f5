"""What "Mine favoritter" shows for the page ids a browser has kept: the ids read strictly
from the request, the live and public resources among them in the order asked, as JSON.

Nothing is stored on the server; a page that is unknown, unpublished or restricted is
simply left out, and the browser drops it from its list.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from resources.models import ResourcePage

# The browser keeps at most this many (MAX in favourites.js, checked by a test).
MAX_FAVOURITES = 100
# Page ids are 32-bit integers in the database; a larger number is bad input, not a miss.
_MAX_ID = 2**31 - 1


class InvalidFavourites(ValueError):
    """A request the endpoint refuses; the message is shown to the caller."""


def parse_ids(values):
    """The requested page ids (``?id=1&id=2``), in order, without repeats."""
    if len(values) > MAX_FAVOURITES:
        raise InvalidFavourites(
            _("For mange favoritter: høyst %(max)d om gangen.") % {"max": MAX_FAVOURITES}
        )
    ids = []
    for value in values:
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= _MAX_ID:
            raise InvalidFavourites(_("Ugyldig side-ID. Bruk bare positive hele tall."))
        if int(text) not in ids:
            ids.append(int(text))
    return ids


def favourite_pages(ids):
    """The live, public resources among ``ids`` (specific pages), in the order of ``ids``.

    A fixed number of queries whatever the number of ids: one for the pages, one for view
    restrictions, one per page type among them.
    """
    if not ids:
        return []
    pages = ResourcePage.objects.live().public().filter(pk__in=ids).specific()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def favourite_json(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request=request),
        "type": page.type_slug,
        "type_label": str(page.type_label),
        "summary": page.summary,
        "date": page.date.isoformat(),
        "date_label": date_format(page.date, "DATE_FORMAT"),
    }
