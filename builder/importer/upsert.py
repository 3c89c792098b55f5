"""Write a validated corpus: taxonomy terms, podcast series and one published page per item.

Everything happens inside one transaction. Pages are found again by ``source_id`` (per model
and locale) and published through revisions so editors see the import in the page history. A
re-import rewrites (and moves, when its region changed) only a page whose item changed and
that is still as the last import left it; pages editors changed or unpublished are kept
(builder/importer/records.py). Pages whose items left the source are reported, or unpublished
when asked.
"""

import datetime
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from wagtail.models import Locale, Page

from builder.importer.body import body_stream, paragraphs_html, text_list_stream
from builder.importer.fields import OSLO
from builder.importer.old_urls import redirect_old_urls
from builder.importer.records import (
    EDITED,
    kept_because,
    moved_by_editor,
    records_for,
    remember,
    withdraw,
)
from builder.importer.summary import ImportSummary
from builder.importer.validate import CorpusError, validate_corpus
from builder.tree import ensure_home_page, ensure_index_page, ensure_region_page
from partners.models import Organisation
from regions.models import Region
from regions.slugs import norwegian_slug
from resources.models import Audience, Topic
from resources.registry import model_for, resource_models
from search.indexing import indexed_once

TEXT_LIST_FIELDS = ("guests", "partners", "goals", "authors")
RICH_TEXT_FIELDS = ("implementation_notes",)
PROGRESS_EVERY = 25


@dataclass
class _Context:
    """State of one import run: lookups and caches shared by the upsert functions."""

    source: str
    locale: Locale
    summary: ImportSummary
    regions: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    audiences: dict = field(default_factory=dict)
    parents: dict = field(default_factory=dict)
    wanted: dict = field(default_factory=dict)
    existing: dict = field(default_factory=dict)
    records: dict = field(default_factory=dict)
    series_pages: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)


def import_corpus(data, *, stdout=None, source_name="corpus", unpublish_missing=False):
    """Validate ``data`` (a parsed corpus) and import it; CorpusError if it is invalid.

    Nothing is written unless the whole file is valid, and a failure while writing rolls
    the whole import back. With ``unpublish_missing``, live pages of items that are no longer
    in ``data`` are unpublished (unless an editor changed them); otherwise they are counted.
    """
    started = time.monotonic()
    corpus = validate_corpus(data, source_name)
    summary = ImportSummary()
    say = stdout.write if stdout is not None else (lambda _line: None)
    say(f"Importing {len(corpus.items)} items from {source_name}\n")
    # Each page indexed once at the end, not at every save (search/indexing.py).
    with indexed_once(), transaction.atomic():
        context = _Context(source_name, Locale.get_default(), summary)
        home = ensure_home_page()
        _upsert_terms(context, corpus)
        context.organisations = _organisations_by_name(context.locale)
        context.wanted = _wanted_source_ids(corpus)
        _preload_pages(context)
        for series in corpus.series.values():
            _upsert_series(context, series)
        total = len(corpus.items)
        for number, item in enumerate(corpus.items, start=1):
            _upsert_item(context, item)
            if number % PROGRESS_EVERY == 0 or number == total:
                say(f"  {number}/{total} items\n")
        redirect_old_urls(context.existing, corpus.items, home, summary)
        _handle_missing(context, unpublish_missing)
    _refresh_statistics()
    summary.seconds = time.monotonic() - started
    return summary


def _refresh_statistics():
    """PostgreSQL plans each query from its tables' statistics. Right after an import they
    still describe the tables before it (empty, on a new site) until autovacuum catches up, and
    listings that join pages, topics and areas then take seconds; ANALYZE brings them up to date
    at once (inside a transaction it counts that transaction's own rows too)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _upsert_terms(context, corpus):
    for kind, model, terms, lookup in (
        ("region", Region, corpus.regions, context.regions),
        ("topic", Topic, corpus.topics, context.topics),
        ("audience", Audience, corpus.audiences, context.audiences),
    ):
        existing = {term.slug: term for term in model.objects.filter(locale=context.locale)}
        for term in _term_fields(terms, model):
            obj = existing.get(term["slug"])
            if obj is None:
                obj = model.objects.create(locale=context.locale, **term)
                context.summary.terms[kind]["created"] += 1
            elif any(getattr(obj, name) != value for name, value in term.items()):
                for name, value in term.items():
                    setattr(obj, name, value)
                obj.save()
                context.summary.terms[kind]["updated"] += 1
            else:
                context.summary.terms[kind]["unchanged"] += 1
            existing[obj.slug] = obj
        lookup.update(existing)
    for term in corpus.regions:
        ensure_region_page(context.regions[term.slug])


def _term_fields(terms, model):
    """Term dataclasses -> field dicts (Audience has no description)."""
    has_description = any(f.name == "description" for f in model._meta.get_fields())
    for term in terms:
        values = {"slug": term.slug, "name": term.name}
        if has_description:
            values["description"] = term.description
        yield values


def _organisations_by_name(locale):
    """{folded name: Organisation} of the organisations editors have made (the corpus has
    none of its own)."""
    return {org.name.casefold(): org for org in Organisation.objects.filter(locale=locale)}


def _named_organisations(context, names):
    """The organisations a project's partner names name exactly (case aside), each once;
    names that are not an organisation ("utvalgte kommuner") stay text only."""
    found = (context.organisations.get(name.strip().casefold()) for name in names)
    return list({org.pk: org for org in found if org is not None}.values())


def _wanted_source_ids(corpus):
    wanted = {}
    for item in corpus.items:
        wanted.setdefault(item.type, set()).add(item.id)
    if corpus.series:
        wanted["podcast_series"] = {_series_source_id(slug) for slug in corpus.series}
    return wanted


def _preload_pages(context):
    """Existing imported pages by model and source_id, and their import records, fetched
    once per model (and again after a move, since moving a series changes its episodes' tree
    paths)."""
    for type_slug, ids in context.wanted.items():
        model = model_for(type_slug)
        # Oldest first wins: a page copied in the admin keeps its original's source_id.
        pages = model.objects.filter(locale=context.locale, source_id__in=ids).order_by("-pk")
        context.existing[type_slug] = {page.source_id: page for page in pages}
        _load_records(context, list(context.existing[type_slug].values()))


def _load_records(context, pages):
    records, recorded = records_for(pages)
    context.records.update(records)
    context.summary.recorded += recorded


def _parent(context, type_slug, region_slug):
    key = (type_slug, region_slug)
    if key not in context.parents:
        region = context.regions[region_slug] if region_slug else None
        context.parents[key] = ensure_index_page(type_slug, region)
    return context.parents[key]


def _series_source_id(slug):
    return f"series:{slug}"


def _upsert_series(context, series):
    parent = _parent(context, "podcast_series", series.region)
    source_id = _series_source_id(series.slug)
    if source_id not in context.existing["podcast_series"]:
        # Use a series an editor already made by hand under the same address: its episodes
        # go under it, and the page itself is kept as the editor made it (records.py).
        model = model_for("podcast_series")
        adopted = model.objects.child_of(parent).filter(slug=series.slug).first()
        if adopted is not None:
            context.existing["podcast_series"][source_id] = adopted
            _load_records(context, [adopted])

    def assign(page):
        page.title = series.name
        page.summary = "Podkastserie fra Kompetansebroen."
        page.date = series.published
        page.topics = [context.topics[slug] for slug in series.topics]
        page.audiences = [context.audiences[slug] for slug in series.audiences]

    page = _upsert_page(
        context,
        "podcast_series",
        source_id,
        series.source_hash,
        parent,
        series.published,
        assign,
        slug=series.slug,
        where=f"series '{series.name}'",
    )
    context.series_pages[series.slug] = page


def _upsert_item(context, item):
    if item.type == "podcast_episode":
        parent = context.series_pages[item.series]
    else:
        parent = _parent(context, item.type, item.region)

    def assign(page):
        page.title = item.title
        page.summary = item.summary
        page.date = item.published
        page.body = body_stream(item.body)
        page.topics = [context.topics[slug] for slug in item.topics]
        page.audiences = [context.audiences[slug] for slug in item.audiences]
        if item.areas is not None:
            page.areas = [context.regions[slug] for slug in item.areas]
        if item.theme_topic:
            page.topic = context.topics[item.theme_topic]
        for name, value in item.fields.items():
            if name in TEXT_LIST_FIELDS:
                value = text_list_stream(value)
            elif name in RICH_TEXT_FIELDS:
                value = paragraphs_html(value)
            setattr(page, name, value)
        if "partners" in item.fields:
            page.made_with = _named_organisations(context, item.fields["partners"])

    _upsert_page(
        context,
        item.type,
        item.id,
        item.source_hash,
        parent,
        item.published,
        assign,
        slug=norwegian_slug(item.title) or norwegian_slug(item.id),
        where=f"item '{item.id}'",
    )


def _upsert_page(context, type_slug, source_id, source_hash, parent, published, assign, **opts):
    """Create, update (and move), leave unchanged or keep one page; returns the page."""
    page = context.existing[type_slug].get(source_id)
    record = context.records.get(page.pk) if page is not None else None
    in_place = page is not None and _is_child(page, parent)
    if page is not None:
        outcome = kept_because(page, record)
        if outcome is None and not in_place and moved_by_editor(page, record):
            outcome = EDITED
        if outcome is None and page.live and record.source_hash == source_hash:
            outcome = "unchanged"  # no new revision, nothing published
        if outcome is not None:
            context.summary.count(type_slug, outcome, page)
            return page
    # A move earlier in this run may have changed the child count of a cached parent.
    parent.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
    try:
        if page is None:
            model = model_for(type_slug)
            page = model(
                slug=_free_slug(parent, opts["slug"]),
                locale=parent.locale,
                source_id=source_id,
                live=False,
            )
            assign(page)
            parent.add_child(instance=page)
            outcome = "created"
        else:
            if not in_place:
                page = _move(page, parent)
                _preload_pages(context)
            assign(page)
            outcome = "updated"
        page.source_hash = source_hash  # kept in step with the record, for older code
        page.save_revision().publish()
    except ValidationError as error:
        raise CorpusError(f"{context.source}: {opts['where']} {_one_line(error)}") from error
    published_at = datetime.datetime.combine(published, datetime.time.min, tzinfo=OSLO)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    context.records[page.pk] = remember(context.records.get(page.pk), page, source_hash, parent)
    context.summary.count(type_slug, outcome, page)
    context.existing[type_slug][source_id] = page
    return page


def _handle_missing(context, unpublish):
    """Live imported pages whose items are not in this source: counted as missing, or
    unpublished (not deleted) with ``unpublish`` unless an editor changed them since."""
    for type_slug, model in resource_models().items():
        pages = list(
            model.objects.live()
            .filter(locale=context.locale)
            .exclude(source_id="")
            .exclude(source_id__in=context.wanted.get(type_slug, ()))
        )
        if not pages:
            continue
        _load_records(context, pages)
        for page in pages:
            record = context.records[page.pk]
            if unpublish and kept_because(page, record) is None:
                withdraw(page, record)
                context.summary.count(type_slug, "withdrawn", page)
            else:
                context.summary.count(type_slug, "missing", page)


def _is_child(page, parent):
    return page.path[: -Page.steplen] == parent.path


def _free_slug(parent, slug, exclude=None):
    """``slug``, or ``slug-2``, ``slug-3`` … if a sibling under ``parent`` already has it."""
    taken = set(parent.get_children().exclude(pk=exclude).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _move(page, parent):
    """Move ``page`` under ``parent`` (its region changed), keeping sibling slugs unique."""
    slug = _free_slug(parent, page.slug, exclude=page.pk)
    if slug != page.slug:
        page.slug = slug
        page.save(update_fields=["slug", "url_path"], clean=False)
    page.move(parent, pos="last-child")
    return type(page).objects.get(pk=page.pk)


def _one_line(error):
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"field '{name}': {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return "; ".join(error.messages)
