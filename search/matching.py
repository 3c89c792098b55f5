"""The full-text match, once per search: {page id: relevance} for the visible resource pages a
query matches.

Counting, filtering, faceting, ranking and paging (search/query.py) then work on those ids, so
the engine or the database's full-text index is asked once per query, not once per count, facet
and page. Each backend answers in one round trip:

- PostgreSQL: one statement over the index entries (a GIN index on title || body serves the
  match, search/migrations/0004) giving ids with ts_rank;
- SQLite: one FTS5 statement giving ids with bm25 (modelsearch would run the match again for
  every hit to score it);
- Elasticsearch/OpenSearch: one request for up to ENGINE_HIT_LIMIT ids and scores, without
  loading the pages they name.
"""

import json

from django.db import connection
from django.db.models.expressions import RawSQL

from wagtail.search.backends import get_search_backend

from resources.models import ResourcePage

# Engines (Elasticsearch/OpenSearch) are asked for this many ranked hits.
ENGINE_HIT_LIMIT = 1000


def among(ids):
    """A subquery of ``ids`` for ``pk__in``, sent as one parameter: a match can hold thousands
    of ids, and as a list each would be a parameter of its own, turned into SQL one by one."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [ids])
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
    return ids


def visible(queryset):
    """Live, public, unexpired pages only."""
    return queryset.live().public().filter(expired=False)


def match(query, backend=None):
    """{id: relevance (higher is better)} of the visible resource pages matching ``query`` (a
    modelsearch query object)."""
    backend = backend or get_search_backend()
    results = backend.search(query, ResourcePage.objects.live())
    scores = _scores(backend, results)
    if not scores:
        return {}
    shown = visible(ResourcePage.objects.filter(pk__in=among(scores)))
    return {pk: scores[pk] for pk in shown.values_list("pk", flat=True)}


def completions(query, limit, backend=None):
    """Ids of the visible resource pages whose titles start with the words ``query``, best
    first, at most ``limit``."""
    backend = backend or get_search_backend()
    results = backend.autocomplete(query, ResourcePage.objects.live())
    scores = _scores(backend, results, limit=limit)
    best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[: limit * 2]
    shown = set(visible(ResourcePage.objects.filter(pk__in=best)).values_list("pk", flat=True))
    return [pk for pk in best if pk in shown][:limit]


def _scores(backend, results, limit=ENGINE_HIT_LIMIT):
    compiler = results.query_compiler
    if hasattr(compiler, "match_scores"):  # our database backends (search/backends/database.py)
        return compiler.match_scores(backend)
    if hasattr(results, "_get_es_body"):  # modelsearch's Elasticsearch/OpenSearch results
        return _engine_scores(results, limit)
    # Any other backend (PostgreSQL's autocomplete, MySQL, the plain fallback): as it gives them.
    hits = results.annotate_score("_score")[:limit]
    return {hit.pk: float(hit._score or 0.0) for hit in hits}


def _engine_scores(results, limit):
    """Ids and scores of the engine's best ``limit`` hits in one request. modelsearch's own
    iteration scrolls 100 hits at a time and loads each page from the database; this reads the
    same query (its ``_get_es_body``) and asks for ids only."""
    index = results.backend.get_index_for_model(results.query_compiler.queryset.model)
    response = results._backend_do_search(
        results._get_es_body(),
        index=index.name,
        _source=False,
        size=limit,
        **{results.fields_param_name: "pk"},
    )
    scores = {}
    for hit in response["hits"]["hits"]:
        pk = int(hit["fields"]["pk"][0])
        scores.setdefault(pk, float(hit["_score"] or 0.0))
    return scores
