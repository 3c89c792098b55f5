"""Reading a search request's parameters, strictly (the JSON API: bad input is a 400 with a
message) or leniently (the HTML page: bad input is ignored)."""

from django.utils.translation import gettext as _

from regions.lookup import NATIONAL
from regions.models import Region
from resources.models import Audience, Topic
from resources.registry import resource_models
from search.query import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SearchParams
from search.terms import MAX_QUERY_LENGTH


class InvalidSearch(ValueError):
    """A request the API refuses; the message is shown to the caller."""


def facet_choices(name):
    """The values a facet accepts."""
    if name == "type":
        return set(resource_models())
    if name == "region":
        return {NATIONAL, *Region.objects.values_list("slug", flat=True)}
    model = {"topic": Topic, "audience": Audience}[name]
    return set(model.objects.values_list("slug", flat=True))


def _number(data, name, default, lowest, highest, strict):
    raw = data.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        if strict:
            raise InvalidSearch(_("«%(name)s» må være et heltall.") % {"name": name}) from None
        return default
    if lowest <= value <= highest:
        return value
    if strict:
        raise InvalidSearch(
            _("«%(name)s» må være mellom %(low)s og %(high)s.")
            % {"name": name, "low": lowest, "high": highest}
        )
    return min(max(value, lowest), highest)


def parse_params(data, *, strict=True):
    """SearchParams from a QueryDict-like ``data``."""
    query = data.get("q") or ""
    if "\x00" in query:
        query = query.replace("\x00", " ")
    if len(query) > MAX_QUERY_LENGTH:
        if strict:
            raise InvalidSearch(
                _("Søket er for langt (maks %(max)s tegn).") % {"max": MAX_QUERY_LENGTH}
            )
        query = query[:MAX_QUERY_LENGTH]
    values = {}
    for name in ("type", "region", "topic", "audience"):
        value = (data.get(name) or "").strip().lower()
        if not value:
            continue
        if value not in facet_choices(name):
            if strict:
                raise InvalidSearch(
                    _("Ukjent verdi for «%(name)s»: %(value)s")
                    % {"name": name, "value": value[:50]}
                )
            continue
        values[name] = value
    return SearchParams(
        query=query,
        page=_number(data, "page", 1, 1, 10_000, strict),
        page_size=_number(data, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, strict),
        **values,
    )
