"""The query parameters of the open API, read strictly: an unknown parameter or value is a 400
with a message saying what is accepted, never a 500 and never silently ignored.

The area, region, topic and audience filters are the methods of resources/models/queryset.py
that every list and the search use, so the API finds the same items the site shows.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError

from rest_framework.filters import BaseFilterBackend

from regions.lookup import NATIONAL
from regions.models import Region
from resources.models import Audience, EventPage, Topic
from resources.registry import model_for, resource_models

# What a region, topic or audience slug can be (the database is not asked about anything else).
SLUG = re.compile(r"[a-z0-9_-]{1,80}")
# Pagination (Wagtail's own parameters, read by openapi/pagination.py).
PAGING = ("limit", "offset")
# What /api/v2/pages/ is filtered by, in the order the OpenAPI document lists them.
PAGE_FILTERS = ("type", "area", "region", "topic", "audience", "locale", "upcoming")
BOOLEANS = {"true": True, "false": False}
ORDER = "order"
# How many fields one ``order`` may name.
MAX_ORDER_FIELDS = 3
# Every listing's tiebreaker, so that pages of a list neither repeat nor skip an item.
TIEBREAKER = "id"
PAGE_ORDERING_FIELDS = ("id", "title", "date", "first_published_at", "last_published_at")
DEFAULT_PAGE_ORDER = ("-date", "-id")


def check_parameters(request, allowed):
    """A 400 for any query parameter outside ``allowed``."""
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise BadRequestError(
            _("Ukjent parameter: %(names)s. Tillatt: %(allowed)s.")
            % {"names": ", ".join(name[:50] for name in unknown), "allowed": ", ".join(allowed)}
        )


def _value(request, name):
    return (request.GET.get(name) or "").strip().lower()[:200]


def _unknown_value(name, value, choices=None):
    message = _("Ukjent verdi for «%(name)s»: %(value)s.") % {"name": name, "value": value[:50]}
    if choices:
        message += " " + _("Tillatt: %(choices)s.") % {"choices": ", ".join(sorted(choices))}
    return BadRequestError(message)


def requested_models(request):
    """The page models ``?type=`` names (resource type keys, comma-separated); none: all."""
    value = _value(request, "type")
    if not value:
        return []
    keys = list(dict.fromkeys(key.strip() for key in value.split(",")))
    known = resource_models()
    for key in keys:
        if key not in known:
            raise _unknown_value("type", key, known)
    return [model_for(key) for key in keys]


def _slug_of(model, request, name, extra=()):
    """The ``name`` parameter, if given: a slug of ``model`` (any language) or one of
    ``extra``."""
    value = _value(request, name)
    if not value or value in extra:
        return value
    if not SLUG.fullmatch(value) or not model.objects.filter(slug=value).exists():
        raise _unknown_value(name, value)
    return value


def filter_pages(request, queryset):
    """``queryset`` narrowed by the area, region, topic, audience and locale parameters."""
    area = _slug_of(Region, request, "area")
    if area:
        queryset = queryset.shown_in_area(area)
    region = _slug_of(Region, request, "region", extra=(NATIONAL,))
    if region:
        queryset = queryset.region_filter(region)
    topic = _slug_of(Topic, request, "topic")
    if topic:
        queryset = queryset.with_topic(topic)
    audience = _slug_of(Audience, request, "audience")
    if audience:
        queryset = queryset.with_audience(audience)
    locale = _value(request, "locale")
    if locale:
        languages = [code for code, _name in settings.LANGUAGES]
        if locale not in languages:
            raise _unknown_value("locale", locale, languages)
        queryset = queryset.filter(locale__language_code=locale)
    if upcoming(request):
        queryset = queryset.filter(pk__in=EventPage.objects.upcoming().values("pk"))
    return queryset


def upcoming(request):
    """``?upcoming=true``: only events that have not ended (EventPageQuerySet.upcoming)."""
    value = _value(request, "upcoming")
    if value and value not in BOOLEANS:
        raise _unknown_value("upcoming", value, BOOLEANS)
    return BOOLEANS.get(value, False)


def soonest_first(model):
    """The order of upcoming events: by start (then id), in a list of ``model``."""
    if model is EventPage:
        return ("start", TIEBREAKER)
    if issubclass(EventPage, model):  # a list of several types: through the event's row
        link = EventPage._meta.get_ancestor_link(model)
        return (f"{link.related_query_name()}__start", TIEBREAKER)
    return DEFAULT_PAGE_ORDER  # no events in it


def ordering(request, allowed, default):
    """The ``?order=`` fields (``-`` before a name: descending), with the tiebreaker last."""
    value = (request.GET.get(ORDER) or "").strip()
    if not value:
        return [*default]
    names = value.split(",")
    if len(names) > MAX_ORDER_FIELDS:
        raise BadRequestError(
            _("«order» kan ha høyst %(count)s felt.") % {"count": MAX_ORDER_FIELDS}
        )
    for name in names:
        if name.removeprefix("-") not in allowed:
            raise _unknown_value(ORDER, name, allowed)
    if TIEBREAKER not in {name.removeprefix("-") for name in names}:
        names.append(TIEBREAKER)
    return names


class PageFilters(BaseFilterBackend):
    """The filters and order of /api/v2/pages/ (Wagtail's filter backends accept any field
    name as a filter, so they are replaced whole)."""

    def filter_queryset(self, request, queryset, view):
        queryset = filter_pages(request, queryset)
        default = soonest_first(queryset.model) if upcoming(request) else DEFAULT_PAGE_ORDER
        return queryset.order_by(*ordering(request, view.ordering_fields, default))


class Ordering(BaseFilterBackend):
    """The order of the images and documents lists."""

    def filter_queryset(self, request, queryset, view):
        return queryset.order_by(*ordering(request, view.ordering_fields, (TIEBREAKER,)))
