"""Matches kept per query until the content changes.

Popular searches are asked again and again by different visitors, and each time the
database's full-text index (or the engine) gave the same ids and scores. A match is kept in
the cache under the content token (search/freshness.py: a new one with every publish,
unpublish, move, delete or taxonomy change, in the writer's transaction), so a kept match is
never older than the index it came from, in any process.

Only the database backends' matches are kept: their index is written in the database, in the
writer's transaction, together with the token. An engine (OpenSearch, Elasticsearch) makes a
write searchable up to a second later (its refresh interval), out of step with the token, so a
search in that second would keep the old match under the new token: an engine is asked every
time.

Where a task backend other than the immediate one writes the index after the save (a worker),
the token changes again when that task has finished (``index_written``, search/signals.py); a
bulk write in ``indexed_once`` changes it at the end (search/indexing.py), and so does
``update_index`` (search/management/commands/update_index.py). Anything else that writes the
index behind the models' backs is covered by KEEP_SECONDS.

The query's words are not in the key: a keyed hash (with SECRET_KEY) of the query stands in
for them, so what visitors typed (on a health portal it can be a name or a national identity
number) is not readable in the cache.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from django_tasks.backends.immediate import ImmediateBackend

from search import freshness

# Broader matches than this are made again each time rather than kept (one value in the cache
# per query, a few bytes per id).
KEEP_LIMIT = 5000
# And kept this long at most (the bound for index writes that change no token).
KEEP_SECONDS = 5 * 60
# The tasks that write the index (modelsearch.tasks).
INDEX_TASKS = ("modelsearch.tasks.insert_or_update_object_task",)


def kept_scores(kind, backend, query, compute):
    """``compute()`` ({id: score} for ``query``), kept per ``kind`` (what is matched: the
    resources, the other pages), backend and query until the content token changes; on the
    database backends only."""
    if not getattr(backend, "index_in_database", False):
        return compute()
    key = scores_key(kind, backend, query)
    scores = cache.get(key)
    if scores is None:
        scores = compute()
        if len(scores) <= KEEP_LIMIT:
            cache.set(key, scores, KEEP_SECONDS)
    return scores


def scores_key(kind, backend, query):
    described = f"{kind}|{type(backend).__qualname__}|{query!r}|{getattr(query, 'unaccent', '')}"
    digest = hmac.new(settings.SECRET_KEY.encode(), described.encode(), hashlib.sha256)
    return f"kb:match:{freshness.token()}:{digest.hexdigest()[:40]}"


def index_written(sender, task_result, **_kwargs):
    """Signal receiver (django_tasks' task_finished): an index task run after its save (by a
    worker) changes the token. The immediate backend (the default) writes the index within the
    save, whose own token change (search/signals.py) covers it: a draft's save then changes
    nothing."""
    if task_result.task.module_path in INDEX_TASKS and not issubclass(sender, ImmediateBackend):
        freshness.changed()
