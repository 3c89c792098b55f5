"""Wagtail's Elasticsearch/OpenSearch backends with Norwegian autocomplete.

The index analysis itself comes from INDEX_SETTINGS (kompetansebroen/settings/search.py). Wagtail
searches edge n-gram fields with the built-in ``standard`` analyzer, which does not fold æøå, so
"paror" would never meet the indexed n-grams of "pårørende"; these mappings use our folding
``autocomplete_search`` analyzer instead.

Wagtail creates an index with these settings and mappings only in ``update_index``; a page saved
before that (a new site, a test run) would be indexed into an index the engine creates by itself,
with dynamic mappings and without our analysis. ``EngineIndexMixin`` creates the index and puts
the model's mapping before the first write instead. ``REFRESH_AFTER_WRITE`` (set by the test
settings) makes each write searchable at once, as it is with the database backend; engines
otherwise show writes after their next refresh, within a second.
"""

import contextlib

from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch2, opensearch3
from modelsearch.index import class_is_indexed

# (client hosts, index name) -> labels of the models whose mapping this process has put there.
_PREPARED_INDEXES = {}


def forget_prepared_indexes():
    """Forget which indexes this process created (after deleting them behind the backend's back)."""
    _PREPARED_INDEXES.clear()


class EngineIndexMixin:
    def _key(self):
        return (repr(self.backend.hosts), self.name)

    def _prepare(self, model):
        models = _PREPARED_INDEXES.get(self._key())
        if models is None:
            if not self.exists():
                try:
                    self.put()
                except Exception:
                    if not self.exists():  # else another process created it meanwhile
                        raise
            models = _PREPARED_INDEXES.setdefault(self._key(), set())
        if model._meta.label not in models:
            self.add_model(model)

    def _written(self):
        if self.backend.refresh_after_write:
            self.refresh()

    def put(self):
        super().put()
        _PREPARED_INDEXES[self._key()] = set()

    def delete(self):
        super().delete()
        _PREPARED_INDEXES.pop(self._key(), None)

    def add_model(self, model):
        super().add_model(model)
        _PREPARED_INDEXES.setdefault(self._key(), set()).add(model._meta.label)

    def add_item(self, item):
        if class_is_indexed(item.__class__):
            self._prepare(item.__class__)
        super().add_item(item)
        self._written()

    def add_items(self, model, items):
        if class_is_indexed(model) and items:
            self._prepare(model)
        super().add_items(model, items)
        self._written()

    def delete_item(self, item):
        super().delete_item(item)
        with contextlib.suppress(self.backend.NotFoundError):  # no index yet: nothing to show
            self._written()


class EngineBackendMixin:
    def __init__(self, params):
        self.refresh_after_write = bool(params.pop("REFRESH_AFTER_WRITE", False))
        super().__init__(params)


def _add_up_fields(query):
    """Set ``tie_breaker`` 1 on every ``dis_max`` and ``multi_match`` in ``query`` (in place)."""
    if isinstance(query, dict):
        for key, value in query.items():
            if key in ("dis_max", "multi_match") and isinstance(value, dict):
                value.setdefault("tie_breaker", 1.0)
            _add_up_fields(value)
    elif isinstance(query, list):
        for value in query:
            _add_up_fields(value)
    return query


class SummedFieldsQueryMixin:
    """Wagtail searches several fields at once (all text; all text with boost 2, i.e. titles)
    with a ``multi_match`` or, for combined queries, a ``dis_max``; both score a page by its best
    field alone, so a page naming the term in its title and summary ranks level with one naming it
    in its title only. The database backends add the fields' weights up; a ``tie_breaker`` of 1
    adds them up here too. Which pages match does not change."""

    def get_inner_query(self):
        return _add_up_fields(super().get_inner_query())


AUTOCOMPLETE_ANALYZERS = {
    "analyzer": "edgengram_analyzer",
    "search_analyzer": "autocomplete_search",
}


class Elasticsearch8Mapping(elasticsearch8.Elasticsearch8Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class Elasticsearch9Mapping(elasticsearch9.Elasticsearch9Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class OpenSearch2Mapping(opensearch2.OpenSearch2Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class OpenSearch3Mapping(opensearch3.OpenSearch3Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class Elasticsearch8Index(EngineIndexMixin, elasticsearch8.Elasticsearch8Index):
    pass


class Elasticsearch9Index(EngineIndexMixin, elasticsearch9.Elasticsearch9Index):
    pass


# Wagtail's OpenSearch 2 index calls the client positionally, as opensearch-py 2.x took it; the
# pinned opensearch-py 3.x takes keyword arguments only (TypeError otherwise). Wagtail's OpenSearch
# 3 index sends the same requests with keywords, and OpenSearch 2.x serves them alike, so both
# versions use it.
class OpenSearchIndex(EngineIndexMixin, opensearch3.OpenSearch3Index):
    pass


class Elasticsearch8QueryCompiler(
    SummedFieldsQueryMixin, elasticsearch8.Elasticsearch8SearchQueryCompiler
):
    pass


class Elasticsearch9QueryCompiler(
    SummedFieldsQueryMixin, elasticsearch9.Elasticsearch9SearchQueryCompiler
):
    pass


class OpenSearch2QueryCompiler(SummedFieldsQueryMixin, opensearch2.OpenSearch2SearchQueryCompiler):
    pass


class OpenSearch3QueryCompiler(SummedFieldsQueryMixin, opensearch3.OpenSearch3SearchQueryCompiler):
    pass


class Elasticsearch8Backend(EngineBackendMixin, elasticsearch8.Elasticsearch8SearchBackend):
    mapping_class = Elasticsearch8Mapping
    query_compiler_class = Elasticsearch8QueryCompiler
    index_class = Elasticsearch8Index
    supports_fuzzy = True


class Elasticsearch9Backend(EngineBackendMixin, elasticsearch9.Elasticsearch9SearchBackend):
    mapping_class = Elasticsearch9Mapping
    query_compiler_class = Elasticsearch9QueryCompiler
    index_class = Elasticsearch9Index
    supports_fuzzy = True


class OpenSearch2Backend(EngineBackendMixin, opensearch2.OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    query_compiler_class = OpenSearch2QueryCompiler
    index_class = OpenSearchIndex
    supports_fuzzy = True


class OpenSearch3Backend(EngineBackendMixin, opensearch3.OpenSearch3SearchBackend):
    mapping_class = OpenSearch3Mapping
    query_compiler_class = OpenSearch3QueryCompiler
    index_class = OpenSearchIndex
    supports_fuzzy = True
