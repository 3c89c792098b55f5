"""The area rules, defined once: which resources are national, which belong to a region
(owned by it or shared into it), and what a visitor with an area chosen sees, local first.

The front page, region pages, listings, theme pages and search all ask these methods, so a
region filter gives the same items everywhere.
"""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone

from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from regions.lookup import NATIONAL


class ResourcePageQuerySet(PageQuerySet):
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
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .select_related("owner_region", "image")
            # Renditions too: cards render the list image without one query per card.
            .prefetch_related("topics", "areas", "image__renditions")
        )

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
