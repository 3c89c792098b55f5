"""The area rules, defined once: which resources are national, which belong to a region
(owned by it or shared into it), and what a visitor with an area chosen sees, local first.

The front page, region pages, listings, theme pages and search all ask these methods, so a
region filter gives the same items everywhere.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from regions.lookup import NATIONAL
from resources import restrictions

# What a resource card shows besides the page's own row (includes/resource_card.html): joined
# to it, and fetched for all the cards of a list at once (renditions too: no query per image).
CARD_SELECT_RELATED = ("owner_region", "image")
CARD_PREFETCH_RELATED = ("topics", "image__renditions")


class ResourcePageQuerySet(PageQuerySet):
    def private_q(self):
        # Behind public(): the cached private subtrees instead of a query each time.
        return restrictions.private_q()

    def _area_links(self):
        # The through table of ResourcePage.areas; its model is reached from the queryset's
        # own model so this module needs no import of the page models.
        through = self.model._meta.get_field("areas").remote_field.through
        return through.objects.filter(resourcepage_id=OuterRef("pk"))

    def in_region_q(self, region):
        """The condition "owned by ``region`` or shared into it" (a Region or a region slug),
        for filters, annotations and aggregates."""
        if isinstance(region, str):
            owned, shared = Q(owner_region__slug=region), {"region__slug": region}
        else:
            owned, shared = Q(owner_region_id=region.pk), {"region_id": region.pk}
        return owned | Q(Exists(self._area_links().filter(**shared)))

    def listed(self, locale):
        """Live, public resources in ``locale``, with what cards need fetched up front."""
        return self.live().public().filter(locale=locale).for_cards()

    def for_cards(self):
        """With what resource cards show fetched up front."""
        return self.select_related(*CARD_SELECT_RELATED).prefetch_related(*CARD_PREFETCH_RELATED)

    def national(self):
        """Owned by no region (the central team's content)."""
        return self.filter(owner_region__isnull=True)

    def in_region(self, region):
        """Owned by ``region`` or shared into it (a Region or a region slug)."""
        return self.filter(self.in_region_q(region))

    def region_filter(self, value):
        """The ``?region=`` filter of listings and search: NATIONAL or a region slug."""
        if not value:
            return self
        return self.national() if value == NATIONAL else self.in_region(value)

    def with_topic(self, slug):
        through = self.model._meta.get_field("topics").remote_field.through
        return self.filter(
            Exists(through.objects.filter(resourcepage_id=OuterRef("pk"), topic__slug=slug))
        )

    def with_audience(self, slug):
        through = self.model._meta.get_field("audiences").remote_field.through
        return self.filter(
            Exists(through.objects.filter(resourcepage_id=OuterRef("pk"), audience__slug=slug))
        )

    def credited_to(self, organisation):
        """Made by ``organisation`` or in collaboration with it (in any of its languages)."""
        key = organisation.translation_key
        through = self.model._meta.get_field("made_with").remote_field.through
        made_with = through.objects.filter(
            resourcepage_id=OuterRef("pk"), organisation__translation_key=key
        )
        return self.filter(Q(made_by__translation_key=key) | Q(Exists(made_with)))

    def shown_in_area(self, region):
        """What a visitor in ``region`` sees: items owned by it, shared into it, and national
        items not limited to other areas."""
        return self.filter(
            self.in_region_q(region) | (Q(owner_region__isnull=True) & ~Exists(self._area_links()))
        )

    def local_first(self, region, *ordering):
        """The region's own and shared-in items before national ones, then ``ordering``."""
        return self.annotate(
            _local=Case(
                When(self.in_region_q(region), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("_local", *ordering)

    def seen_from(self, area, *ordering):
        """What a visitor with ``area`` chosen sees, local items first; everything without."""
        if area is None:
            return self.order_by(*ordering)
        return self.shown_in_area(area).local_first(area, *ordering)

    def current(self):
        """The items a list shows by default (all; events narrow this to upcoming ones)."""
        return self

    def due_for_review(self, by):
        """Items whose review date ("gjennomgås innen") is on or before the date ``by``
        (resources/review.py: ``due_by``); items without one are never due."""
        return self.filter(review_by__lte=by)

    def first_of_each(self, limits, area=None, current=False):
        """{model: [pages]}: the first ``limits[model]`` items of each page model below this
        queryset's (each in its ``listing_ordering``, local first for ``area``, only its
        ``current()`` items if asked), in one query where a query per model would take one
        each; as specific pages, with this queryset's related rows and prefetches."""
        content_types = ContentType.objects.get_for_models(*limits)
        ordering = []
        queryset = self
        if area is not None:
            queryset = queryset.shown_in_area(area)
            local = Case(When(self.in_region_q(area), then=Value(0)), default=Value(1))
            ordering.append(local.asc())
        kinds = Q()
        for model, content_type in content_types.items():
            kind = Q(content_type_id=content_type.pk)
            if current and type(model.objects.all()).current is not ResourcePageQuerySet.current:
                kind &= Q(pk__in=model.objects.current().values("pk"))
            kinds |= kind
            for name in model.listing_ordering:
                field = name.lstrip("-")
                if field != "pk" and not _has_field(self.model, field):
                    field = f"{_child_path(self.model, model)}__{field}"
                value = Case(When(content_type_id=content_type.pk, then=F(field)))
                ordering.append(value.desc() if name.startswith("-") else value.asc())
        place = Window(RowNumber(), partition_by=F("content_type_id"), order_by=ordering)
        rows = (
            queryset.filter(kinds)
            .annotate(_place=place)
            .filter(_place__lte=max(limits.values()))
            .order_by()  # put in order below, by place
        )
        found = {model: [] for model in limits}
        for page in sorted(rows.specific_pages(list(limits)), key=lambda page: page._place):
            if page._place <= limits[type(page)]:
                found[type(page)].append(page)
        return found

    def specific_pages(self, models=None):
        """The pages as their specific models (of ``models``, default: every model below this
        queryset's), in one query that joins each model's table, where Wagtail's
        ``specific()`` takes a query per model; with this queryset's related rows, prefetches
        and annotations. Pages of other models are left out."""
        if models is None:
            models = [
                model
                for model in apps.get_models()
                if issubclass(model, self.model) and model is not self.model
            ]
        paths = {model: _child_path(self.model, model) for model in models}
        by_type = {
            content_type.pk: model
            for model, content_type in ContentType.objects.get_for_models(*models).items()
        }
        rows = self.prefetch_related(None).select_related(*paths.values())
        related = self.query.select_related
        inherited = [*(related if isinstance(related, dict) else {}), *self.query.annotations]
        pages = []
        for row in rows:
            model = by_type.get(row.content_type_id)
            if model is None:
                continue
            try:
                page = _follow(row, self.model, model)
            except ObjectDoesNotExist:  # a page row without its own type's row
                continue
            for name in inherited:  # what the query fetched or computed along with the row
                setattr(page, name, getattr(row, name))
            pages.append(page)
        prefetch_related_objects(pages, *self._prefetch_related_lookups)
        return pages

    def region_counts(self, regions):
        """{region slug: number of items in that region, NATIONAL: national items}, counted
        with the same rule as ``region_filter`` (one query)."""
        counts = {
            region.slug: Count("pk", filter=self.in_region_q(region), distinct=True)
            for region in regions
        }
        counts[NATIONAL] = Count("pk", filter=Q(owner_region__isnull=True), distinct=True)
        totals = self.order_by().aggregate(**counts)
        return {slug: total for slug, total in totals.items() if total}


def _parent_links(base, model):
    """The parent links from ``model`` up to its ancestor ``base`` (multi-table inheritance),
    nearest first."""
    links = []
    while model is not base:
        parent = next(parent for parent in model._meta.parents if issubclass(parent, base))
        links.append(model._meta.parents[parent])
        model = parent
    return links


def _child_path(base, model):
    """The lookup from ``base`` down to its subclass ``model``: "eventpage", or "a__b" for a
    grandchild."""
    return "__".join(link.related_query_name() for link in reversed(_parent_links(base, model)))


def _follow(row, base, model):
    """The ``model`` instance that ``row`` (a ``base``) was joined to."""
    for link in reversed(_parent_links(base, model)):
        row = getattr(row, link.remote_field.get_accessor_name())
    return row


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def region_values(owner, areas):
    """``region_filter``'s rule for an item already loaded, in Python (search/facts.py): the
    ``?region=`` values that keep an item owned by the region ``owner`` (a slug; None: national)
    and shared into the regions ``areas`` (slugs): its owner or NATIONAL, and those areas."""
    return frozenset({owner or NATIONAL, *areas})


class EventPageQuerySet(ResourcePageQuerySet):
    def upcoming(self):
        """Events that have not ended yet (without an end time: that have not started)."""
        now = timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))

    def past(self):
        return self.filter(start__lt=timezone.now())

    def current(self):
        return self.upcoming()


class ResourcePageManager(PageManager.from_queryset(ResourcePageQuerySet)):
    pass


class EventPageManager(PageManager.from_queryset(EventPageQuerySet)):
    pass
