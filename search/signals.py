"""Keep derived search data fresh: the spelling vocabulary follows publishing and deleting, the
cached synonym table follows edits of the Synonym snippets.

(The search index itself is kept up to date by Wagtail's own signal handlers.)
"""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from resources.models import ResourcePage
from search.lexicon import clear_synonyms
from search.models import Synonym
from search.suggest import clear_vocabulary


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(clear_vocabulary, dispatch_uid=f"search-vocabulary-{id(signal)}")
    post_delete.connect(
        clear_vocabulary, sender=ResourcePage, dispatch_uid="search-vocabulary-delete"
    )
    for signal in (post_save, post_delete):
        signal.connect(clear_synonyms, sender=Synonym, dispatch_uid=f"search-synonyms-{id(signal)}")
