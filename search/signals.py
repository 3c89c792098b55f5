"""Keep derived search data fresh: the spelling vocabulary follows publishing and deleting.

(The search index itself is kept up to date by Wagtail's own signal handlers.)
"""

from django.db.models.signals import post_delete

from wagtail.signals import page_published, page_unpublished

from resources.models import ResourcePage
from search.suggest import clear_vocabulary


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(clear_vocabulary, dispatch_uid=f"search-vocabulary-{id(signal)}")
    post_delete.connect(
        clear_vocabulary, sender=ResourcePage, dispatch_uid="search-vocabulary-delete"
    )
