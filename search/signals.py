"""Keep derived search data fresh: the spelling vocabulary follows publishing and deleting, the
cached synonym table follows edits of the Synonym snippets, the cached set of queries with
editors' picks follows edits of the picks, and the facts each process holds
(search/facts.py) follow every write that can change what a search shows or how it is filtered
(search/freshness.py).

(The search index itself is kept up to date by Wagtail's own signal handlers.)
"""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from django_tasks.signals import task_finished

from regions.cached import forgetter
from regions.models import Region
from resources.models import Audience, ResourcePage, Topic
from search import freshness
from search.kept import index_written
from search.lexicon import clear_synonyms
from search.models import Synonym
from search.querylog import PROMOTED_QUERIES_KEY
from search.suggest import clear_vocabulary

_forget_promoted = forgetter(PROMOTED_QUERIES_KEY)

# Page fields saved on their own (a draft revision, a lock) that change nothing search shows.
DRAFT_FIELDS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(clear_vocabulary, dispatch_uid=f"search-vocabulary-{id(signal)}")
    post_delete.connect(
        clear_vocabulary, sender=ResourcePage, dispatch_uid="search-vocabulary-delete"
    )
    for signal in (post_save, post_delete):
        signal.connect(clear_synonyms, sender=Synonym, dispatch_uid=f"search-synonyms-{id(signal)}")
    # A pick saved (for a new or another query) or deleted. Queries themselves are saved by
    # every new search logged, and those without picks are all the purge deletes.
    for signal in (post_save, post_delete):
        signal.connect(
            _forget_promoted, sender=SearchPromotion, dispatch_uid=f"search-promoted-{id(signal)}"
        )
    # Any page (a section's privacy or place in the tree reaches the items under it).
    post_save.connect(page_saved, dispatch_uid="search-facts-page-saved")
    post_delete.connect(page_deleted, dispatch_uid="search-facts-page-deleted")
    post_page_move.connect(freshness.changed, dispatch_uid="search-facts-page-moved")
    # The index itself, when a task backend writes it after the save (search/kept.py).
    task_finished.connect(index_written, dispatch_uid="search-index-written")
    for model in (Topic, Audience, Region, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                freshness.changed,
                sender=model,
                dispatch_uid=f"search-facts-{model.__name__}-{id(signal)}",
            )


def page_saved(sender, instance, update_fields=None, **_kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    freshness.changed()


def page_deleted(sender, instance, **_kwargs):
    if isinstance(instance, Page):
        freshness.changed()
