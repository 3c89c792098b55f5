"""Bulk creation of Wagtail pages for the benchmarks, without ``add_child`` page by page.

``PageBuilder`` appends new pages below existing parents the way treebeard's ``add_child``
would (materialised paths after the parent's current last child, depth, ``url_path``, the
parent's ``numchild``), but inserts each batch with a handful of multi-row INSERTs: the
``wagtailcore_page`` rows with ``bulk_create`` (which returns their ids), then each table of
the multi-table chain (e.g. ResourcePage, then CoursePage) with its local fields, then the
many-to-many rows through their through models. What ``Page.save`` adds for a new page is
written in bulk too (the "Created" log entry; the reference-index rows, copied from a source
page); no signals are sent, no revisions made, and the search index is left to ``update_index``.
"""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, ReferenceIndex

from search import freshness


class PageBuilder:
    """Collects new pages with ``add`` and writes them with ``save`` (one transaction each)."""

    def __init__(self, parent_paths):
        self.parents = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
        self.last_step = {}
        self.slugs = {}
        for path, parent in self.parents.items():
            children = Page.objects.filter(path__startswith=path, depth=parent.depth + 1)
            children = list(children.values_list("path", "slug"))
            steps = (Page._str2int(child[-Page.steplen :]) for child, _ in children)
            self.last_step[path] = max(steps, default=0)
            self.slugs[path] = {slug for _, slug in children}
        self.pending = []

    def add(self, page, parent_path, relations=None, references_like=None):
        """Places ``page`` (an unsaved instance of its concrete model) as the parent's new last
        child. ``relations`` maps many-to-many field names to target ids; ``references_like``
        is the id of a page whose reference-index rows also hold for this one (a copy whose
        referencing fields are its source's)."""
        parent = self.parents[parent_path]
        self.last_step[parent_path] += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, self.last_step[parent_path])
        if len(page.path) != page.depth * Page.steplen:
            raise ValueError(f"path overflow below {parent.url_path}")
        page.numchild = 0
        base, number = page.slug, 1
        while page.slug in self.slugs[parent_path]:  # Wagtail refuses duplicate sibling slugs
            number += 1
            page.slug = f"{base}-{number}"
        self.slugs[parent_path].add(page.slug)
        page.url_path = f"{parent.url_path}{page.slug}/"
        self.pending.append((page, parent_path, relations or {}, references_like))

    def save(self):
        """Writes the pages added since the last save; returns them (with their ids)."""
        batch, self.pending = self.pending, []
        pages = [page for page, *_ in batch]
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            by_table = defaultdict(list)  # a parent's table is met before its children's
            for page in pages:
                for model in [*reversed(type(page)._meta.get_parent_list()), type(page)][1:]:
                    setattr(page, model._meta.pk.attname, page.id)
                    by_table[model].append(page)
            for model, rows in by_table.items():
                fields = model._meta.local_concrete_fields
                model._base_manager.all()._batched_insert(rows, fields, None)
            self._relate(batch)
            self._copy_references(batch)
            now = timezone.now()  # the "Created" entry Page.save logs for a new page
            PageLogEntry.objects.bulk_create(
                PageLogEntry(
                    page_id=page.id,
                    content_type_id=page.content_type_id,
                    label=page.get_admin_display_title(),
                    action="wagtail.create",
                    timestamp=now,
                    data={},
                    user_id=page.owner_id,
                    content_changed=True,
                )
                for page in pages
            )
            for path, added in Counter(path for _, path, *_ in batch).items():
                Page.objects.filter(path=path).update(numchild=F("numchild") + added)
            freshness.changed()  # bulk inserts send no signals: search reloads its facts
        return pages

    @staticmethod
    def _relate(batch):
        rows = defaultdict(list)
        for page, _, relations, _ in batch:
            for name, target_ids in relations.items():
                field = type(page)._meta.get_field(name)
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                for target_id in dict.fromkeys(target_ids):
                    rows[through].append(
                        through(**{f"{source}_id": page.id, f"{target}_id": target_id})
                    )
        for through, objs in rows.items():
            through.objects.bulk_create(objs)

    @staticmethod
    def _copy_references(batch):
        """Wagtail records a saved page's outbound references (its owner region, images and
        documents in its body …); a copy has its source's, under its own id."""
        sources = {str(source) for _, _, _, source in batch if source}
        originals = defaultdict(list)
        rows = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), object_id__in=sources
        )
        for row in rows:
            originals[row.object_id].append(row)
        copies = []
        for page, _, _, source in batch:
            for row in originals.get(str(source), ()):
                row_copy = ReferenceIndex(
                    **{
                        field.attname: getattr(row, field.attname)
                        for field in ReferenceIndex._meta.concrete_fields
                        if not field.primary_key
                    }
                )
                row_copy.object_id = str(page.id)
                copies.append(row_copy)
        ReferenceIndex.objects.bulk_create(copies)
