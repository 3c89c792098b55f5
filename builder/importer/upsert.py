"""Write a validated corpus: taxonomy terms, podcast series and one published page per item.

Everything happens inside one transaction. Pages are found again by ``source_id`` (per model
and locale), skipped when their ``source_hash`` is unchanged, moved when their region changed,
and published through revisions so editors see the import in the page history.
"""

import datetime
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from wagtail.models import Locale, Page

from builder.importer.body import body_stream, text_list_stream
from builder.importer.fields import OSLO
from builder.importer.validate import CorpusError, validate_corpus
from builder.tree import ensure_home_page, ensure_index_page, ensure_region_page
from regions.models import Region
from regions.slugs import norwegian_slug
from resources.models import Audience, Topic
from resources.registry import model_for, resource_models
from search.indexing import indexed_once

OUTCOMES = ("created", "updated", "skipped")
TEXT_LIST_FIELDS = ("guests", "partners", "goals")
PROGRESS_EVERY = 25


@dataclass
class ImportSummary:
    """What an import did: pages per type slug and taxonomy terms per kind, by outcome."""

    counts: dict = field(default_factory=lambda: _zero_counts(resource_models()))
    terms: dict = field(default_factory=lambda: _zero_counts(("region", "topic", "audience")))
    seconds: float = 0.0

    def totals(self):
        return {outcome: sum(row[outcome] for row in self.counts.values()) for outcome in OUTCOMES}

    @property
    def total_pages(self):
        return sum(self.totals().values())

    def table(self):
        """A plain-text table of the counts, for command output."""
        lines = [f"{'type':<18}{'created':>9}{'updated':>9}{'skipped':>9}"]
        rows = [(slug, row) for slug, row in self.counts.items() if any(row.values())]
        rows.append(("total", self.totals()))
        for slug, row in rows:
            lines.append(f"{slug:<18}" + "".join(f"{row[outcome]:>9}" for outcome in OUTCOMES))
        terms = ", ".join(
            f"{kind}s {row['created']} created/{row['updated']} updated"
            for kind, row in self.terms.items()
        )
        lines.append(f"taxonomy: {terms}")
        lines.append(f"{self.total_pages} pages in {self.seconds:.1f} s")
        return "\n".join(lines)


def _zero_counts(keys):
    return {key: dict.fromkeys(OUTCOMES, 0) for key in keys}


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
    series_pages: dict = field(default_factory=dict)


def import_corpus(data, *, stdout=None, source_name="corpus"):
    """Validate ``data`` (a parsed corpus) and import it; CorpusError if it is invalid.

    Nothing is written unless the whole file is valid, and a failure while writing rolls
    the whole import back.
    """
    started = time.monotonic()
    corpus = validate_corpus(data, source_name)
    summary = ImportSummary()
    say = stdout.write if stdout is not None else (lambda _line: None)
    say(f"Importing {len(corpus.items)} items from {source_name}\n")
    # Each page indexed once at the end, not at every save (search/indexing.py).
    with indexed_once(), transaction.atomic():
        context = _Context(source_name, Locale.get_default(), summary)
        ensure_home_page()
        _upsert_terms(context, corpus)
        context.wanted = _wanted_source_ids(corpus)
        _preload_pages(context)
        for series in corpus.series.values():
            _upsert_series(context, series)
        total = len(corpus.items)
        for number, item in enumerate(corpus.items, start=1):
            _upsert_item(context, item)
            if number % PROGRESS_EVERY == 0 or number == total:
                say(f"  {number}/{total} items\n")
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
                context.summary.terms[kind]["skipped"] += 1
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


def _wanted_source_ids(corpus):
    wanted = {}
    for item in corpus.items:
        wanted.setdefault(item.type, set()).add(item.id)
    if corpus.series:
        wanted["podcast_series"] = {_series_source_id(slug) for slug in corpus.series}
    return wanted


def _preload_pages(context):
    """Existing imported pages by model and source_id, fetched once per model (and again
    after a move, since moving a series changes its episodes' tree paths)."""
    for type_slug, ids in context.wanted.items():
        model = model_for(type_slug)
        pages = model.objects.filter(locale=context.locale, source_id__in=ids)
        context.existing[type_slug] = {page.source_id: page for page in pages}


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
        # Adopt a series an editor already made by hand under the same address.
        model = model_for("podcast_series")
        adopted = model.objects.child_of(parent).filter(slug=series.slug).first()
        if adopted is not None:
            context.existing["podcast_series"][source_id] = adopted

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
            setattr(page, name, text_list_stream(value) if name in TEXT_LIST_FIELDS else value)

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
    """Create, update (and move) or skip one page; returns the page."""
    page = context.existing[type_slug].get(source_id)
    in_place = page is not None and _is_child(page, parent)
    if in_place and page.live and page.source_hash == source_hash:
        context.summary.counts[type_slug]["skipped"] += 1
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
        page.source_hash = source_hash
        page.save_revision().publish()
    except ValidationError as error:
        raise CorpusError(f"{context.source}: {opts['where']} {_one_line(error)}") from error
    published_at = datetime.datetime.combine(published, datetime.time.min, tzinfo=OSLO)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    context.summary.counts[type_slug][outcome] += 1
    context.existing[type_slug][source_id] = page
    return page


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
