"""What a competence network's page shows: its members and contact people, its meetings (the
events that name it, upcoming first, then the latest past ones) and the resources it picked,
in a fixed number of queries however long the lists are."""

from django.apps import apps
from django.db.models import Case, Q, Value, When, prefetch_related_objects

from resources.models.queryset import CARD_PREFETCH_RELATED, CARD_SELECT_RELATED

PAST_MEETINGS = 4


def _model(name):
    # The page models import this module; they are looked up once the apps are loaded.
    return apps.get_model("resources", name)


def _meetings_q(network):
    """The network's live, public events in its language that the page lists: every upcoming
    one and the latest PAST_MEETINGS past ones. A translated network has the events that name
    any of its translations."""
    events = (
        _model("EventPage")
        .objects.live()
        .public()
        .filter(locale_id=network.locale_id, network__translation_key=network.translation_key)
    )
    latest_past = events.past().order_by("-start", "-pk").values("pk")[:PAST_MEETINGS]
    return Q(pk__in=events.upcoming().values("pk")) | Q(pk__in=latest_past)


def _picked_ids(network):
    return [child["value"] for child in network.resources.raw_data if child.get("value")]


def network_cards(network):
    """(upcoming meetings, past meetings newest first, picked resources in the editors' order):
    the meetings and the live, public picks together in one query, as their own page types."""
    picked = _picked_ids(network)
    meetings = _meetings_q(network)
    shown = (
        _model("ResourcePage")
        .objects.live()
        .public()
        .filter(meetings | Q(pk__in=picked))
        .annotate(_meeting=Case(When(meetings, then=Value(True)), default=Value(False)))
        .select_related(*CARD_SELECT_RELATED)
        .specific_pages()
    )
    found = sorted((page for page in shown if page._meeting), key=lambda e: (e.start, e.pk))
    by_id = {page.pk: page for page in shown}
    return (
        [event for event in found if not event.is_past],
        [event for event in reversed(found) if event.is_past],
        [by_id[pk] for pk in picked if pk in by_id],
    )


def network_context(network):
    """The page's lists. What the cards show is fetched for the cards and the page together
    (its own topics and image renditions in the same queries as theirs)."""
    upcoming, past, resources = network_cards(network)
    prefetch_related_objects([network, *upcoming, *past, *resources], *CARD_PREFETCH_RELATED)
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
