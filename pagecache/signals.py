"""Purge what shows a page when it is published, unpublished, moved, renamed or deleted.
Each receiver is connected to its own signal (``connect``); the addresses are worked out
while the old state is still there and sent once the change is committed (purge.py)."""

from django.db.models.signals import pre_delete

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pagecache.purge import purge_on_commit, purging_enabled
from pagecache.showing import urls_before_move, urls_showing


def page_changed(instance, **kwargs):
    """Published or unpublished: the page and everything that shows it."""
    if purging_enabled():
        purge_on_commit(urls_showing(instance))


def page_moved(instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    """Moved (or reordered): its old address and its descendants' old ones, what showed it
    where it was (the old list and region) and what shows it now."""
    if not purging_enabled():
        return
    urls = urls_showing(instance) + urls_showing(parent_page_before)
    if url_path_before != url_path_after:
        urls += urls_before_move(instance, url_path_before, url_path_after)
    purge_on_commit(urls)


def slug_changed(instance, instance_before, **kwargs):
    """A new slug (sent after the commit): the old addresses of the page and its descendants."""
    if purging_enabled():
        purge_on_commit(urls_before_move(instance, instance_before.url_path, instance.url_path))


def page_deleted(sender, instance, **kwargs):
    """About to be deleted (its place in the tree still known): everything that showed it."""
    if purging_enabled() and instance.live and instance.depth > 1:
        purge_on_commit(urls_showing(instance))


def connect():
    page_published.connect(page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache_moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="pagecache_slug_changed")
    pre_delete.connect(page_deleted, sender=Page, dispatch_uid="pagecache_deleted")
