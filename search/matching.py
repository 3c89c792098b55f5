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

Which of the matched ids are shown (live, public, unexpired) comes from the facts each process
holds (search/facts.py), not from another query. A query asked again before the content
changes is not matched again (search/kept.py).
"""

from wagtail.search.backends import get_search_backend

from modelsearch.query import Fuzzy

from resources.models import ResourcePage
from search import facts
from search.kept import kept_scores

# Engines (Elasticsearch/OpenSearch) are asked for this many ranked hits.
ENGINE_HIT_LIMIT = 1000


def match(query, backend=None, shown=None):
    """{id: relevance (higher is better)} of the visible resource pages matching ``query`` (a
    modelsearch query object). ``shown``: the visible items' facts (search/facts.py), when the
    caller holds them already."""
    backend = backend or get_search_backend()
    scores = kept_scores(
        "resources",
        backend,
        query,
        lambda: match_scores(backend, backend.search(query, ResourcePage.objects.live())),
    )
    shown = facts.current() if shown is None else shown
    return {pk: score for pk, score in scores.items() if pk in shown}


def completions(query, limit, backend=None):
    """Ids of the visible resource pages whose titles start with the words ``query``, best
    first, at most ``limit``."""
    backend = backend or get_search_backend()
    results = backend.autocomplete(query, ResourcePage.objects.live())
    scores = match_scores(backend, results, limit=limit)
    shown = facts.current()
    best = sorted((pk for pk in scores if pk in shown), key=lambda pk: (-scores[pk], -pk))
    return best[:limit]


def pages_scores(backend, query, models, limit=ENGINE_HIT_LIMIT):
    """{id: score} of the live pages of ``models`` (and their subclasses) matching ``query``:
    one statement for all of them on our database backends, as they share one table of index
    entries; an engine is asked per model, for its best ``limit`` hits each."""
    kind = ",".join(sorted(model._meta.label for model in models)) + f"|{limit}"
    return kept_scores(kind, backend, query, lambda: _pages_scores(backend, query, models, limit))


def _pages_scores(backend, query, models, limit):
    first, *_ = models
    results = backend.search(query, first.objects.live())
    if hasattr(results.query_compiler, "match_scores") and not isinstance(query, Fuzzy):
        return results.query_compiler.match_scores(backend, models=models)
    scores = {}
    for model in models:
        scores.update(match_scores(backend, backend.search(query, model.objects.live()), limit))
    return scores


def match_scores(backend, results, limit=ENGINE_HIT_LIMIT):
    """{id: score} of the pages a modelsearch ``results`` (not yet run) matches, without
    loading them: from our database backends' one statement, or the engine's best ``limit``
    hits in one request."""
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
    same query (its ``_get_es_body``) and asks for the ids only, from the ``pk`` field's doc
    values: no stored fields are loaded, which is most of the time a search of 1,000 hits
    takes otherwise."""
    index = results.backend.get_index_for_model(results.query_compiler.queryset.model)
    body = {**results._get_es_body(), "stored_fields": "_none_", "docvalue_fields": ["pk"]}
    response = results._backend_do_search(
        body,
        index=index.name,
        size=limit,
        filter_path=["hits.hits._score", "hits.hits.fields.pk"],
    )
    scores = {}
    for hit in response.get("hits", {}).get("hits", []):
        scores.setdefault(int(hit["fields"]["pk"][0]), float(hit["_score"] or 0.0))
    return scores
