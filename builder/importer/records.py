"""The rules that keep editors' work through a re-import, and the import records they read.

A page is the importer's to rewrite only while it is as the importer left it: live (unless
the importer itself unpublished it), its latest revision the one the import saved, and under
the parent the import put it. Anything else is an editor's decision, which the importer keeps.
"""

from wagtail.models import Page, Revision

from builder.models import ImportedPage

# Outcome keys of builder/importer/summary.py.
EDITED = "edited"
UNPUBLISHED = "unpublished"


def _parent_path(page):
    return page.path[: -Page.steplen]


def records_for(pages):
    """``{page id: ImportedPage}`` for ``pages`` and how many of them were recorded just now."""
    records = ImportedPage.objects.in_bulk([page.pk for page in pages])
    unrecorded = [page for page in pages if page.pk not in records]
    if unrecorded:
        records.update({record.page_id: record for record in _record_existing(unrecorded)})
    return records, len(unrecorded)


def _record_existing(pages):
    """Records for pages imported before there were records (the upgrade path), or made by
    hand and found by the importer (a podcast series at the series' address).

    The page's ``source_hash`` is taken as the import's state. If its latest revision has no
    user, the importer saved it (editors always save as themselves), so the page is still as
    imported. Otherwise an editor saved it after the import: the record gets no revision, and
    the page is kept as edited from then on.
    """
    revision_users = dict(
        Revision.objects.filter(pk__in=[page.latest_revision_id for page in pages]).values_list(
            "pk", "user_id"
        )
    )
    parents = dict(
        Page.objects.filter(path__in={_parent_path(page) for page in pages}).values_list(
            "path", "pk"
        )
    )
    records = [
        ImportedPage(
            page_id=page.pk,
            source_hash=page.source_hash,
            revision_id=(
                page.latest_revision_id
                if revision_users.get(page.latest_revision_id) is None
                else None
            ),
            parent_id=parents.get(_parent_path(page)),
        )
        for page in pages
    ]
    return ImportedPage.objects.bulk_create(records)


def kept_because(page, record):
    """Why the importer must leave ``page`` as it is (EDITED, UNPUBLISHED), or None."""
    if not page.live and not record.withdrawn:
        # The importer publishes everything it writes: someone unpublished it since.
        return UNPUBLISHED
    if page.latest_revision_id != record.revision_id:
        # A draft, a published edit or a reverted revision: all an editor's.
        return EDITED
    return None


def moved_by_editor(page, record):
    """True if ``page`` is no longer under the parent the import put it under."""
    if record.parent_id is None:
        return False
    return not Page.objects.filter(pk=record.parent_id, path=_parent_path(page)).exists()


def remember(record, page, source_hash, parent):
    """Record what the import just published to ``page`` (``record`` may be None)."""
    record = record or ImportedPage(page_id=page.pk)
    record.source_hash = source_hash
    record.revision_id = page.latest_revision_id
    record.parent_id = parent.pk
    record.withdrawn = False
    record.save()
    return record


def withdraw(page, record):
    """Unpublish ``page`` (its item left the source), remembering that the importer did it, so
    the page is published again if the item comes back."""
    page.unpublish()
    record.withdrawn = True
    record.save(update_fields=["withdrawn", "imported_at"])
