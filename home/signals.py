"""The cached menu and footer expire when what they show changes: pages published,
unpublished, moved or deleted, and the site settings' links (on commit: home/navigation.py)."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings
from home.navigation import expire_fragments


def connect():
    page_published.connect(expire_fragments, dispatch_uid="kb_fragments_published")
    page_unpublished.connect(expire_fragments, dispatch_uid="kb_fragments_unpublished")
    post_page_move.connect(expire_fragments, dispatch_uid="kb_fragments_moved")
    post_delete.connect(expire_fragments, sender=Page, dispatch_uid="kb_fragments_deleted")
    post_save.connect(expire_fragments, sender=SiteSettings, dispatch_uid="kb_fragments_settings")
