"""A year's usage figures for a scope (every area, a region, national content): per item and
month from the daily tables, attributed to the owner region, and summed by month, area,
content type and topic.

An item's region is its owner: a resource page's ``owner_region``; for other pages (the front
page, region pages, index and standard pages) the nearest region page above or at it, the
rule of regions/lookup.py ``region_for``, applied to all of them at once; for a document, the
region whose collection holds it. Translations count with the region and topic they are
translations of. A count is kept only while its page or document exists (tally/models.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils.dates import MONTHS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from regions.lookup import ancestor_paths, regions_for_locale
from regions.models import Region
from resources.models import ResourcePage, Topic
from resources.registry import type_of
from tally.events import Event
from tally.models import DocumentCount, PageCount

EVENTS = list(Event)
TOP_ITEMS = 25
PAGE, DOCUMENT = "page", "document"


def _empty():
    return {event.value: 0 for event in EVENTS}


@dataclass
class Item:
    kind: str  # PAGE or DOCUMENT
    pk: int
    title: str
    region: object  # the owner Region (site's default language), None for national
    type_label: str
    topics: tuple = ()
    language: str = ""
    url: str = ""
    months: dict = field(default_factory=dict)  # {month: {event: n}}

    def total(self):
        counts = _empty()
        for month in self.months.values():
            for event, amount in month.items():
                counts[event] += amount
        return counts

    @property
    def uses(self):
        return sum(self.total().values())


@dataclass
class Row:
    label: str
    counts: dict = field(default_factory=_empty)

    def add(self, counts):
        for event, amount in counts.items():
            self.counts[event] += amount

    @property
    def cells(self):
        return [self.counts[event.value] for event in EVENTS]


@dataclass
class Report:
    year: int
    scope: object
    items: list
    totals: Row
    months: list
    regions: list
    types: list
    topics: list

    @property
    def top(self):
        ranked = sorted(self.items, key=lambda item: (-item.uses, item.title))
        return [item for item in ranked if item.uses][:TOP_ITEMS]


def years_with_counts():
    years = set(PageCount.objects.annotate(y=ExtractYear("day")).values_list("y", flat=True))
    years |= set(DocumentCount.objects.annotate(y=ExtractYear("day")).values_list("y", flat=True))
    return sorted(years, reverse=True)


def _monthly(queryset, item_field, with_event=True):
    """{item id: {month: {event: n}}} for one year's rows."""
    fields = [item_field, "month", *(["event"] if with_event else [])]
    rows = queryset.annotate(month=ExtractMonth("day")).values(*fields).annotate(n=Sum("count"))
    found = defaultdict(lambda: defaultdict(_empty))
    for row in rows:
        event = row["event"] if with_event else Event.DOWNLOAD.value
        found[row[item_field]][row["month"]][event] += row["n"]
    return found


class Owners:
    """Default-language regions by any language's region id, page path or collection."""

    def __init__(self):
        default = {region.translation_key: region for region in regions_for_locale()}
        self.region = {
            pk: default.get(key) for pk, key in Region.objects.values_list("pk", "translation_key")
        }
        with_pages = Region.objects.filter(region_pages__isnull=False)
        self.by_path = dict(with_pages.values_list("region_pages__path", "pk"))
        self.by_collection = {
            region.collection_id: region for region in default.values() if region.collection_id
        }

    def of_path(self, path):
        for ancestor in reversed(ancestor_paths(path)):
            if ancestor in self.by_path:
                return self.region.get(self.by_path[ancestor])
        return None


def _topic_names(resource_ids):
    """{resource page id: (topic name, …)} in the site's default language."""
    default_locale = Locale.get_default().pk
    topics = list(Topic.objects.values_list("pk", "translation_key", "locale_id", "name"))
    default_name = {key: name for _pk, key, locale, name in topics if locale == default_locale}
    name = {pk: default_name.get(key, own) for pk, key, _locale, own in topics}
    through = ResourcePage.topics.through.objects.filter(resourcepage_id__in=resource_ids)
    found = defaultdict(list)
    for page_id, topic_id in through.values_list("resourcepage_id", "topic_id"):
        found[page_id].append(name[topic_id])
    return {page_id: tuple(sorted(set(names))) for page_id, names in found.items()}


def _type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    kind = type_of(model) if model is not None else None
    if kind is not None:
        return str(kind.label)
    return capfirst(model._meta.verbose_name) if model is not None else str(_("Side"))


def _page_items(year, owners, request):
    counted = PageCount.objects.filter(day__year=year)
    months = _monthly(counted, "page_id")
    ids = counted.values("page_id")
    pages = Page.objects.filter(pk__in=ids).select_related("locale")
    owner_of = dict(ResourcePage.objects.filter(pk__in=ids).values_list("pk", "owner_region_id"))
    topics = _topic_names(list(owner_of))
    items = []
    for page in pages:
        if page.pk in owner_of:
            owner = owners.region.get(owner_of[page.pk])
        else:
            owner = owners.of_path(page.path)
        items.append(
            Item(
                PAGE,
                page.pk,
                page.title,
                owner,
                _type_label(page.content_type_id),
                topics.get(page.pk, ()),
                page.locale.language_code,
                page.get_url(request) or "",
                months[page.pk],
            )
        )
    return items


def _document_items(year, owners):
    counted = DocumentCount.objects.filter(day__year=year)
    months = _monthly(counted, "document_id", with_event=False)
    documents = get_document_model().objects.filter(pk__in=counted.values("document_id"))
    return [
        Item(
            DOCUMENT,
            document.pk,
            document.title,
            owners.by_collection.get(document.collection_id),
            str(_("Dokument")),
            url=document.url,
            months=months[document.pk],
        )
        for document in documents
    ]


def year_items(year, request=None):
    """Every page and document used in ``year``, with its owner and counts by month."""
    owners = Owners()
    return _page_items(year, owners, request) + _document_items(year, owners)


def _grouped(items, labels_of, order=None):
    rows = {}
    for item in items:
        counts = item.total()
        for label in labels_of(item):
            rows.setdefault(label, Row(label)).add(counts)
    if order is not None:
        return [rows[label] for label in order if label in rows]
    return sorted(rows.values(), key=lambda row: (-sum(row.counts.values()), row.label))


def report(year, scope, request=None):
    items = [item for item in year_items(year, request) if scope.covers(item.region)]
    totals = Row(str(_("Totalt")))
    months = [Row(capfirst(str(MONTHS[month]))) for month in range(1, 13)]
    for item in items:
        for month, counts in item.months.items():
            months[month - 1].add(counts)
        totals.add(item.total())
    national = str(_("Nasjonalt"))
    region_order = [region.name for region in regions_for_locale()] + [national]
    no_topic = str(_("Uten fagtema"))
    return Report(
        year=year,
        scope=scope,
        items=items,
        totals=totals,
        months=months,
        regions=_grouped(
            items, lambda item: [item.region.name if item.region else national], region_order
        ),
        types=_grouped(items, lambda item: [item.type_label]),
        topics=_grouped(items, lambda item: item.topics or [no_topic]),
    )
