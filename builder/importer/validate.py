"""Parse and validate a whole corpus file before anything is written.

``validate_corpus`` turns the raw JSON into typed, checked dataclasses or raises CorpusError
with one line naming the item and field, so the writer never meets bad data half-way.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from wagtail.models import Locale

from builder.importer.fields import TYPE_FIELDS, date, show, slug_list, text, text_list
from builder.importer.old_urls import check_unique, read_old_paths, without_old_urls
from regions.models import Region
from regions.slugs import norwegian_slug
from resources.models import Audience, Topic
from resources.registry import resource_type

FORMAT = "kompetansebro-corpus/1"
# Bump when the mapping from corpus to pages changes, so unchanged items get rewritten once.
HASH_VERSION = 1
BLOCK_TYPES = ("heading", "paragraph", "list")


class CorpusError(ValueError):
    """An invalid corpus; the message is one readable line naming the item and field."""


@dataclass(frozen=True)
class Term:
    slug: str
    name: str
    description: str = ""


@dataclass
class Item:
    id: str
    type: str
    title: str
    summary: str
    body: list[dict]
    topics: list[str]
    audiences: list[str]
    region: str | None
    published: datetime.date
    source_hash: str
    fields: dict = field(default_factory=dict)  # model field values specific to the type
    areas: list[str] | None = None  # news: regions shared into (None = leave untouched)
    series: str | None = None  # podcast episodes: series slug …
    series_name: str | None = None  # … and name
    theme_topic: str | None = None  # themes: the topic the page is about
    old_paths: list[str] = field(default_factory=list)  # old site's addresses (old_urls.py)


@dataclass
class Series:
    slug: str
    name: str
    region: str | None
    topics: list[str]
    audiences: list[str]
    published: datetime.date
    source_hash: str


@dataclass
class Corpus:
    regions: list[Term]
    topics: list[Term]
    audiences: list[Term]
    items: list[Item]
    series: dict[str, Series]


def item_hash(raw_item):
    canonical = json.dumps(
        {"v": HASH_VERSION, "item": raw_item},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_corpus_file(path):
    """The parsed JSON of a corpus file; CorpusError for a missing or unreadable file."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path.name}: file not found: {path}") from None
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise CorpusError(f"{path.name}: cannot read file: {error.strerror}") from None
    try:
        return json.loads(content)
    except json.JSONDecodeError as error:
        raise CorpusError(
            f"{path.name}: not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None


class _Checker:
    """Raises CorpusError messages in one style: '<source>: <where> field '<f>': <reason>'."""

    def __init__(self, source):
        self.source = source

    def fail(self, where, key, reason):
        where = f"{where} " if where else ""
        raise CorpusError(f"{self.source}: {where}field '{key}': {reason}")

    def get(self, where, raw, key, check, required=True, default=None, label=None):
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(where, label or key, "missing required field")
            return default
        try:
            return check(value)
        except ValueError as error:
            self.fail(where, label or key, str(error))


def _terms(checker, data, key, kind, existing):
    raw_terms = data.get(key, [])
    if not isinstance(raw_terms, list):
        checker.fail("", key, f"expected a list of {kind}s, got {show(raw_terms)}")
    terms, seen = [], set()
    for index, raw in enumerate(raw_terms):
        where = f"{key}[{index}]"
        if not isinstance(raw, dict):
            checker.fail(where, "slug", f"expected an object, got {show(raw)}")
        slug = checker.get(where, raw, "slug", text(80 if kind != "region" else 50, blank=False))
        try:
            validate_slug(slug)
        except ValidationError:
            checker.fail(where, "slug", f"not a valid slug: {show(slug)}")
        if slug in seen:
            checker.fail(where, "slug", f"duplicate {kind} '{slug}'")
        seen.add(slug)
        name = checker.get(where, raw, "name", text(100, blank=False))
        description = checker.get(where, raw, "description", text(), False, "")
        terms.append(Term(slug, name, description))
    return terms, seen | existing


def _existing_slugs():
    """Slugs already in the database (default locale): items may refer to them."""
    locale = Locale.get_default()
    return [
        set(model.objects.filter(locale=locale).values_list("slug", flat=True))
        for model in (Region, Topic, Audience)
    ]


def _body(checker, where, raw_body):
    if not isinstance(raw_body, list):
        checker.fail(where, "body", f"expected a list of blocks, got {show(raw_body)}")
    blocks = []
    for index, raw in enumerate(raw_body):
        key = f"body[{index}]"
        if not isinstance(raw, dict):
            checker.fail(where, key, f"expected an object, got {show(raw)}")
        kind = raw.get("type")
        if kind not in BLOCK_TYPES:
            checker.fail(where, f"{key}.type", f"unknown block type {show(kind)}")
        heading = kind == "heading"
        check = text(200, blank=False) if heading else text()
        block = {
            "type": kind,
            "text": checker.get(where, raw, "text", check, heading, "", label=f"{key}.text"),
        }
        if kind == "list":
            block["items"] = checker.get(where, raw, "items", text_list(None), label=f"{key}.items")
        blocks.append(block)
    return blocks


def _item(checker, index, raw, known):
    """One item, typed and checked against the known region/topic/audience slugs."""
    if not isinstance(raw, dict):
        checker.fail(f"items[{index}]", "id", f"expected an object, got {show(raw)}")
    item_id = checker.get(f"items[{index}]", raw, "id", text(100, blank=False))
    where = f"item '{item_id}'"
    kind = checker.get(where, raw, "type", text(blank=False))
    if kind not in TYPE_FIELDS:
        checker.fail(where, "type", f"unknown item type {show(kind)}")
    regions, topics, audiences = known

    def slugs(key, known_slugs, label):
        values = checker.get(where, raw, key, slug_list, False, [])
        for slug in values:
            if slug not in known_slugs:
                checker.fail(where, key, f"unknown {label} '{slug}'")
        return values

    region = checker.get(where, raw, "region", text(50), False, None) or None
    if region is not None and region not in regions:
        checker.fail(where, "region", f"unknown region '{region}'")
    if region is not None and not resource_type(kind).regional:
        checker.fail(where, "region", f"{kind} items are national: region must be null")
    item = Item(
        id=item_id,
        type=kind,
        title=checker.get(where, raw, "title", text(255, blank=False)),
        summary=checker.get(where, raw, "summary", text(400, blank=False)),
        body=_body(checker, where, raw.get("body") or []),
        topics=slugs("topics", topics, "topic"),
        audiences=slugs("audiences", audiences, "audience"),
        region=region,
        published=checker.get(where, raw, "published", date),
        source_hash=item_hash(without_old_urls(raw)),
        old_paths=read_old_paths(checker, where, raw),
    )
    for key, model_field, check, required, default in TYPE_FIELDS[kind]:
        value = checker.get(where, raw, key, check, required, default)
        if model_field:
            item.fields[model_field] = value
        elif key == "series":
            item.series, item.series_name = norwegian_slug(value), value
            if not item.series:
                checker.fail(where, key, f"cannot make an address from {show(value)}")
        elif key == "shared_with_regions":
            item.areas = slugs(key, regions, "region")
        elif key == "topic":
            if value not in topics:
                checker.fail(where, key, f"unknown topic '{value}'")
            item.theme_topic, item.topics = value, [value]
        elif key == "period":
            item.fields["start_year"], item.fields["end_year"] = value
    _cross_checks(checker, where, item)
    return item


def _cross_checks(checker, where, item):
    fields = item.fields
    if item.type == "research" and not (fields["doi"] or fields["link"]):
        checker.fail(where, "doi", "a research item needs a doi or a link")
    if item.type == "event":
        start, end, deadline = fields["start"], fields["end"], fields["registration_deadline"]
        if end and end < start:
            checker.fail(where, "end", "ends before it starts")
        if deadline and deadline > start.date():
            checker.fail(where, "registration_deadline", "after the event starts")


def _collect_series(checker, items):
    """One Series per slug: region shared by all its episodes, topics/audiences unioned."""
    series = {}
    for item in items:
        if item.type != "podcast_episode":
            continue
        name = item.series_name
        current = series.get(item.series)
        if current is None:
            series[item.series] = current = Series(
                item.series, name, item.region, [], [], item.published, ""
            )
        elif current.region != item.region:
            checker.fail(
                f"item '{item.id}'",
                "region",
                f"series '{name}' is in region '{current.region or 'national'}' in other items",
            )
        current.topics = list(dict.fromkeys(current.topics + item.topics))
        current.audiences = list(dict.fromkeys(current.audiences + item.audiences))
        current.published = min(current.published, item.published)
    for current in series.values():
        current.topics.sort()
        current.audiences.sort()
        fields = vars(current) | {"published": current.published.isoformat(), "source_hash": ""}
        current.source_hash = item_hash(fields)
    return series


def validate_corpus(data, source_name="corpus"):
    """The whole corpus checked and typed, or CorpusError on the first problem."""
    checker = _Checker(source_name)
    if not isinstance(data, dict):
        checker.fail("", "format", f"expected a JSON object at the top, got {show(data)[:20]}")
    found = data.get("format")
    if found != FORMAT:
        reason = f"expected '{FORMAT}', got {show(found)}" if found else "missing required field"
        checker.fail("", "format", reason)
    db_regions, db_topics, db_audiences = _existing_slugs()
    regions, region_slugs = _terms(checker, data, "regions", "region", db_regions)
    topics, topic_slugs = _terms(checker, data, "topics", "topic", db_topics)
    audiences, audience_slugs = _terms(checker, data, "audiences", "audience", db_audiences)
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        checker.fail("", "items", "missing required field" if raw_items is None else "not a list")
    items, ids, theme_topics = [], set(), {}
    known = (region_slugs, topic_slugs, audience_slugs)
    for index, raw in enumerate(raw_items):
        item = _item(checker, index, raw, known)
        if item.id in ids:
            checker.fail(f"item '{item.id}'", "id", "duplicate id")
        ids.add(item.id)
        if item.theme_topic:
            other = theme_topics.setdefault(item.theme_topic, item.id)
            if other != item.id:
                checker.fail(
                    f"item '{item.id}'", "topic", f"topic already has a theme in '{other}'"
                )
        items.append(item)
    check_unique(checker, items)
    series = _collect_series(checker, items)
    return Corpus(regions, topics, audiences, items, series)
