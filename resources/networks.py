"""What a competence network's page shows: its members and contact people, its meetings (the
events that name it, upcoming first, then the latest past ones) and the resources it picked,
in a fixed number of queries however long the lists are."""

from django.apps import apps
from django.db.models import Q, prefetch_related_objects

from resources.models.queryset import CARD_PREFETCH_RELATED

PAST_MEETINGS = 4


def _model(name):
    # The page models import this module; they are looked up once the apps are loaded.
    return apps.get_model("resources", name)


def meetings(network):
    """(upcoming, past): the network's live, public events in its language, upcoming ones in
    date order and the latest PAST_MEETINGS past ones newest first. A translated network
    shows the events that name any of its translations."""
    events = (
        _model("EventPage")
        .objects.live()
        .public()
        .filter(locale_id=network.locale_id, network__translation_key=network.translation_key)
    )
    latest_past = events.past().order_by("-start", "-pk").values("pk")[:PAST_MEETINGS]
    chosen = events.filter(Q(pk__in=events.upcoming().values("pk")) | Q(pk__in=latest_past))
    found = list(chosen.select_related("owner_region", "image").order_by("start", "pk"))
    upcoming = [event for event in found if not event.is_past]
    past = [event for event in reversed(found) if event.is_past]
    return upcoming, past


def picked_resources(network):
    """The resources the editors picked that are live and public, in their order, as their own
    page types (one query for all)."""
    ids = [child["value"] for child in network.resources.raw_data if child.get("value")]
    if not ids:
        return []
    queryset = (
        _model("ResourcePage")
        .objects.live()
        .public()
        .filter(pk__in=ids)
        .select_related("owner_region", "image")
    )
    pages = {page.pk: page for page in queryset.specific_pages()}
    return [pages[pk] for pk in ids if pk in pages]


def network_context(network):
    upcoming, past = meetings(network)
    resources = picked_resources(network)
    # What the cards show, for the meetings and the resources together.
    prefetch_related_objects([*upcoming, *past, *resources], *CARD_PREFETCH_RELATED)
    return {
        "members": [
            member.organisation
            for member in network.members.select_related("organisation").order_by("sort_order")
        ],
        "contacts": list(network.contacts.select_related("organisation").order_by("sort_order")),
        "upcoming_meetings": upcoming,
        "past_meetings": past,
        "picked_resources": resources,
    }
