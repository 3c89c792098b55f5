"""The cached menu and footer expire when what they show changes: pages published,
unpublished, moved or deleted, and the site settings' links (on commit: home/navigation.py).
The cached sites with their front pages (home/sites.py) are forgotten on the same page
changes and when a site is saved or deleted."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings
from home.navigation import expire_fragments
from home.sites import forget_sites


def connect():
    page_published.connect(expire_fragments, dispatch_uid="kb_fragments_published")
    page_unpublished.connect(expire_fragments, dispatch_uid="kb_fragments_unpublished")
    post_page_move.connect(expire_fragments, dispatch_uid="kb_fragments_moved")
    post_delete.connect(expire_fragments, sender=Page, dispatch_uid="kb_fragments_deleted")
    post_save.connect(expire_fragments, sender=SiteSettings, dispatch_uid="kb_fragments_settings")
    page_published.connect(forget_sites, dispatch_uid="kb_sites_published")
    page_unpublished.connect(forget_sites, dispatch_uid="kb_sites_unpublished")
    post_page_move.connect(forget_sites, dispatch_uid="kb_sites_moved")
    post_delete.connect(forget_sites, sender=Page, dispatch_uid="kb_sites_page_deleted")
    post_save.connect(forget_sites, sender=Site, dispatch_uid="kb_sites_saved")
    post_delete.connect(forget_sites, sender=Site, dispatch_uid="kb_sites_deleted")
