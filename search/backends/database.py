"""Wagtail's database search backend, made to read Norwegian.

- PostgreSQL: the ``SEARCH_CONFIG`` text-search configuration (``kb_norwegian``, created by
  search/migrations/0001: unaccent + Norwegian Snowball stemmer) folds æøå and stems at index
  and query time; autocomplete uses ``AUTOCOMPLETE_CONFIG`` (``kb_simple``: unaccent only).
  Fuzzy fallback uses pg_trgm with f_unaccent (same migration).
- SQLite FTS5 has neither a Norwegian stemmer nor æøå folding, so the index stores the text
  already folded and stemmed in Python (search/text.py) and queries get the same treatment.
- Everywhere: query terms of four or more letters match as prefixes, so "pårørende" also finds
  the compound "pårørendearbeid" and "kurs" finds "kurset"; and the parts of the compounds in a
  text are indexed beside it (search/compounds.py), so "kurs" also finds "hjertesviktkurs".
  After upgrading to this, run ``python manage.py update_index``.
"""

import re
from functools import cache

from django.db import connection

from modelsearch.query import PlainText

from search.compounds import compound_parts
from search.text import fold, stemmed_text

# How much more a title word counts than a body word in SQLite's bm25().
SQLITE_TITLE_WEIGHT = 10.0

# Up to this many matches PostgreSQL ranks by title and body; past it, by title only (the
# body's ts_rank over thousands of matches costs more than the rest of the search).
FULL_RANK_LIMIT = 1000

# Terms this long or longer match as prefixes ("kurs" → "kurset", "pårørende" → compounds).
PREFIX_MIN_LENGTH = 4


def is_prefix(term):
    return len(term) >= PREFIX_MIN_LENGTH


def with_compound_parts(text):
    """``text`` and the parts of its compounds ("hjertesviktkurs" → "… hjertesvikt kurs")."""
    parts = compound_parts(text)
    return f"{text} {parts}" if parts else text


def content_types_of(models):
    """Content type ids of ``models`` and their subclasses (the index entries to match)."""
    from modelsearch.utils import get_descendants_content_types_pks

    return sorted({pk for model in models for pk in get_descendants_content_types_pks(model)})


@cache
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Case, Count, F, FloatField, IntegerField, Value, When, Window
    from django.db.models.functions import Cast
    from django.db.models.lookups import LessThanOrEqual

    from modelsearch.backends.database.postgres import postgres
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.query import Fuzzy

    class CompoundObjectIndexer(postgres.ObjectIndexer):
        """Title and body with their compounds' parts; autocomplete as written."""

        def as_vector(self, texts, for_autocomplete=False):
            if not for_autocomplete:
                texts = [(with_compound_parts(text), weight) for text, weight in texts]
            return super().as_vector(texts, for_autocomplete=for_autocomplete)

    # PostgresIndex.add_items builds its indexers from this module-level name and has no hook for
    # the class; only our backend uses modelsearch's PostgreSQL index in this project.
    postgres.ObjectIndexer = CompoundObjectIndexer

    class NorwegianPostgresQueryCompiler(postgres.PostgresSearchQueryCompiler):
        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
            if not terms:
                return None
            lexemes = None
            for term in terms:
                lexeme = Lexeme(term, invert=invert, prefix=is_prefix(term))
                if lexemes is None:
                    lexemes = lexeme
                elif query.operator == "and":
                    lexemes &= lexeme
                else:
                    lexemes |= lexeme
            return SearchQuery(lexemes, search_type="raw", config=config)

        def match_scores(self, backend, models=None):
            """{id: ts_rank} of every match in one statement over the index entries alone
            (search/matching.py), as modelsearch's search() ranks them; which pages are live
            and visible is the caller's question. ``models``: the page types to match (with
            their subclasses), when not only the searched queryset's. Fuzzy queries go through
            search(), for the queryset's model."""
            config = self.get_config(backend)
            if isinstance(self.query, Fuzzy):
                matches = self.search(config, 0, None, score_field="_score")
                rows = matches.order_by().values_list("pk", "_score")
                return {pk: float(score or 0.0) for pk, score in rows}
            entries = postgres.IndexEntry.objects.filter(
                content_type_id__in=content_types_of(models or [self.queryset.model])
            )
            title = self._build_rank_expression([(F("title"), F("title_norm"))], config)
            body = self._build_rank_expression([(F("body"), 1.0)], config)
            # The body's rank only while there are few matches: among thousands (a broad
            # word), ranking every body costs more than the rest of the search, and the title
            # decides (search/matching.py).
            few = LessThanOrEqual(Window(Count("*")), FULL_RANK_LIMIT)
            body_if_few = Case(When(few, then=body), default=Value(0.0), output_field=FloatField())
            rows = (
                entries.annotate(_vector_=F("title")._combine(F("body"), "||", False))
                .filter(_vector_=self.build_tsquery(self.query, config=config))
                .annotate(page_id=Cast("object_id", IntegerField()), score=title + body_if_few)
                .values_list("page_id", "score")
            )
            # Straight from the cursor: Django's per-row converters cost more than the rest of
            # reading thousands of rows.
            sql, params = rows.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return dict(cursor.fetchall())

    class NorwegianPostgresSearchBackend(postgres.PostgresSearchBackend):
        query_compiler_class = NorwegianPostgresQueryCompiler
        supports_fuzzy = True
        index_in_database = True  # written with the content token (search/kept.py)

        def __init__(self, params):
            super().__init__(params)
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")

    return NorwegianPostgresSearchBackend


@cache
def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite import sqlite
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        normalize,
    )

    class WeightedBM25(BM25):
        """bm25() over the FTS columns (autocomplete, body, title) with the title weighted."""

        def as_sql(self, compiler, connection, function=None, template=None):
            table = sqlite.SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT})", []

    class FoldingObjectIndexer(sqlite.ObjectIndexer):
        """Title and body folded and stemmed, the compound parts of both in the body (in the title
        they would lengthen it, and bm25 would rank its own words lower); autocomplete folded
        only (typed prefixes)."""

        @property
        def title(self):
            return stemmed_text(super().title)

        @property
        def body(self):
            parts = compound_parts(f"{super().title} {super().body}")
            return stemmed_text(f"{super().body} {parts}")

        @property
        def autocomplete(self):
            return fold(super().autocomplete)

    class NorwegianSQLiteIndex(sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            # As SQLiteIndex.add_items (modelsearch 1.3), with our indexer: modelsearch has no
            # hook for the indexer class. Drop this copy once it has one.
            if not model.get_search_fields():
                return
            data = {}
            for obj in objs:
                indexer = FoldingObjectIndexer(obj, self.backend)
                data[indexer.id] = {
                    "title": indexer.title,
                    "autocomplete": indexer.autocomplete,
                    "body": indexer.body,
                }
            if not data:
                return
            content_type_pk = sqlite.get_content_type_pk(model)
            entries = self.entries.filter(content_type_id=content_type_pk)
            existing = set(
                entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
            )
            for object_id in existing:
                entries.filter(object_id=object_id).update(**data[object_id])
            self.entries.bulk_create(
                [
                    sqlite.IndexEntry(
                        content_type_id=content_type_pk, object_id=object_id, **values
                    )
                    for object_id, values in data.items()
                    if object_id not in existing
                ]
            )
            self._refresh_title_norms()

    def plain_text(query, stem_terms, prefix_last):
        raw_terms = query.query_string.split()
        lexemes = None
        for position, raw in enumerate(raw_terms, start=1):
            term = stemmed_text(raw) if stem_terms else " ".join(fold(raw).split())
            if not term:
                continue
            prefix = is_prefix(raw) or (prefix_last and position == len(raw_terms))
            lexeme = Lexeme(term, prefix=prefix)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator.upper() == "AND":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        return None if lexemes is None else SearchQueryExpression(lexemes)

    def one_statement_scores(self, backend, models=None):
        """{id: relevance} of every match in one FTS5 statement (search/matching.py): bm25
        once per hit, where modelsearch's search() runs the match again to score each hit.
        ``models``: the page types to match (with their subclasses), when not only the
        searched queryset's."""
        config = self.get_config(backend)
        search_query = self.build_search_query(normalize(self.query), config=config)
        rows = (
            sqlite.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
            )
            .filter(index_entry__content_type__in=content_types_of(models or [self.queryset.model]))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .values_list("index_entry__object_id", "score")
        )
        # bm25 is better when lower: negated, higher is better as on the other backends.
        return {int(pk): -float(score or 0.0) for pk, score in rows}

    class NorwegianSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            # FTS5's bm25() already scores the whole MATCH expression. modelsearch combines
            # per-subquery ranks as (1 + a) * (1 + b) - 1, which assumes positive scores; bm25
            # is negative (lower is better), so And/Or queries came out in random order.
            return WeightedBM25()

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                return plain_text(query, stem_terms=True, prefix_last=False)
            return super().build_search_query_content(query, config=config)

        match_scores = one_statement_scores

    class NorwegianSQLiteAutocompleteQueryCompiler(sqlite.SQLiteAutocompleteQueryCompiler):
        match_scores = one_statement_scores

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                return plain_text(query, stem_terms=False, prefix_last=True)
            return super().build_search_query_content(query, config=config)

    class NorwegianSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = NorwegianSQLiteQueryCompiler
        autocomplete_query_compiler_class = NorwegianSQLiteAutocompleteQueryCompiler
        index_class = NorwegianSQLiteIndex
        supports_fuzzy = False
        index_in_database = True  # written with the content token (search/kept.py)

    return NorwegianSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail looks a backend module's class up by this name
    """The Norwegian-aware database backend for the default database's vendor."""
    from modelsearch.backends import database

    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    return backend  # MySQL or the plain fallback: Wagtail's own behaviour
