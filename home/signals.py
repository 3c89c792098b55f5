"""The cached menu and footer expire when what they show changes: pages published,
unpublished, moved or deleted (a region's profile among them), the site settings' links, and
an image that is a region's logo (on commit: home/navigation.py, home/profiles.py).
The cached sites with their front pages (home/sites.py) are forgotten on the same page
changes and when a site is saved or deleted."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings
from home.navigation import expire_fragments
from home.profiles import logo_changing
from home.sites import forget_sites


def connect():
    page_published.connect(expire_fragments, dispatch_uid="kb_fragments_published")
    page_unpublished.connect(expire_fragments, dispatch_uid="kb_fragments_unpublished")
    post_page_move.connect(expire_fragments, dispatch_uid="kb_fragments_moved")
    post_delete.connect(expire_fragments, sender=Page, dispatch_uid="kb_fragments_deleted")
    post_save.connect(expire_fragments, sender=SiteSettings, dispatch_uid="kb_fragments_settings")
    image_model = get_image_model()
    post_save.connect(logo_changing, sender=image_model, dispatch_uid="kb_fragments_logo_saved")
    pre_delete.connect(logo_changing, sender=image_model, dispatch_uid="kb_fragments_logo_deleted")
    page_published.connect(forget_sites, dispatch_uid="kb_sites_published")
    page_unpublished.connect(forget_sites, dispatch_uid="kb_sites_unpublished")
    post_page_move.connect(forget_sites, dispatch_uid="kb_sites_moved")
    post_delete.connect(forget_sites, sender=Page, dispatch_uid="kb_sites_page_deleted")
    post_save.connect(forget_sites, sender=Site, dispatch_uid="kb_sites_saved")
    post_delete.connect(forget_sites, sender=Site, dispatch_uid="kb_sites_deleted")
