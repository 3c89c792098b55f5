"""Adding counts to the daily tables: a few statements for any number of counts, safe beside
other writers (a flush and the web processes, or several web processes without Redis).

Missing rows are created with ON CONFLICT DO NOTHING, then every row is raised in the
database (count = count + n), never read, added to and written back.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import F

from wagtail.documents import get_document_model
from wagtail.models import Page

from tally.events import DOCUMENT_EVENTS
from tally.models import DocumentCount, PageCount

CHUNK = 500


def _chunks(items):
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _existing(model, ids):
    found = set()
    for chunk in _chunks(sorted(ids)):
        found.update(model.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    return found


def _raise_rows(model, rows, counts, key):
    """count = count + n for each row, one UPDATE per distinct n and chunk of rows."""
    by_amount = defaultdict(list)
    for row in rows:
        amount = counts.get(key(row))
        if amount:
            by_amount[amount].append(row.pk)
    for amount, pks in by_amount.items():
        for chunk in _chunks(pks):
            model.objects.filter(pk__in=chunk).update(count=F("count") + amount)


def _add_to_pages(counts):
    """counts: {(day, event, page id): n}."""
    existing = _existing(Page, {page_id for _day, _event, page_id in counts})
    counts = {key: n for key, n in counts.items() if key[2] in existing}
    if not counts:
        return 0
    PageCount.objects.bulk_create(
        [PageCount(day=day, event=event, page_id=page_id) for day, event, page_id in counts],
        ignore_conflicts=True,
        batch_size=CHUNK,
    )
    days = {day for day, _event, _page in counts}
    events = {event for _day, event, _page in counts}
    for page_ids in _chunks({page_id for _day, _event, page_id in counts}):
        rows = PageCount.objects.filter(day__in=days, event__in=events, page_id__in=page_ids).only(
            "pk", "day", "event", "page_id"
        )
        _raise_rows(PageCount, rows, counts, lambda row: (row.day, row.event, row.page_id))
    return sum(counts.values())


def _add_to_documents(counts):
    """counts: {(day, document id): n}."""
    existing = _existing(get_document_model(), {document_id for _day, document_id in counts})
    counts = {key: n for key, n in counts.items() if key[1] in existing}
    if not counts:
        return 0
    DocumentCount.objects.bulk_create(
        [DocumentCount(day=day, document_id=document_id) for day, document_id in counts],
        ignore_conflicts=True,
        batch_size=CHUNK,
    )
    days = {day for day, _document in counts}
    for document_ids in _chunks({document_id for _day, document_id in counts}):
        rows = DocumentCount.objects.filter(day__in=days, document_id__in=document_ids).only(
            "pk", "day", "document_id"
        )
        _raise_rows(DocumentCount, rows, counts, lambda row: (row.day, row.document_id))
    return sum(counts.values())


def add(counts):
    """Add ``counts`` ({(day, event, item id): n}) to the tables in one transaction. Counts
    for pages or documents that no longer exist are dropped. Returns how many were added."""
    pages, documents = {}, {}
    for (day, event, item_id), amount in counts.items():
        if amount <= 0:
            continue
        if event in DOCUMENT_EVENTS:
            documents[(day, item_id)] = documents.get((day, item_id), 0) + amount
        else:
            pages[(day, event, item_id)] = amount
    with transaction.atomic():
        return _add_to_pages(pages) + _add_to_documents(documents)
