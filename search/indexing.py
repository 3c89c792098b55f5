"""Indexing many saves at once: ``with indexed_once(): …`` for bulk writers (the corpus import).

Each save of an indexed model normally updates the search index at once (modelsearch's
post_save handler); an imported page is saved three times or more (created, revision,
published), so the import spent most of its time indexing. Inside ``indexed_once`` saves only
note what changed; when the block ends without an error, each object is indexed once, in bulk
per model, on every backend that updates automatically, and the content token changes (kept
matches, search/kept.py, were made while the index lagged). If the block fails nothing is
indexed (the database transaction around it is rolled back too). Deletions are indexed as
always.

The signal handlers are process-wide: use it in commands and set-up code, not in requests.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch.backends import get_search_backends
from modelsearch.index import class_is_indexed, get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler

from search import freshness

BATCH_SIZE = 500


@contextmanager
def indexed_once():
    saved = defaultdict(set)

    def note(sender, instance, raw=False, **_kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(note, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(note, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    _index(saved)


def _index(saved):
    """Index the saved objects as their most specific indexed class, once each."""
    by_model = defaultdict(set)
    for model, pks in saved.items():
        objects = model._default_manager.filter(pk__in=pks)
        if hasattr(objects, "specific"):  # pages: as their own page type
            objects = objects.specific()
        for obj in objects:
            if class_is_indexed(type(obj)):
                by_model[type(obj)].add(obj.pk)
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in by_model.items():
        ordered = sorted(pks)
        for start in range(0, len(ordered), BATCH_SIZE):
            batch = model.get_indexed_objects().filter(pk__in=ordered[start : start + BATCH_SIZE])
            objects = list(batch)
            if objects:
                for backend in backends:
                    backend.add_bulk(model, objects)
    if by_model:
        freshness.changed()
