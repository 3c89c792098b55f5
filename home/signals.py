"""The cached menu and footer expire when what they show changes: pages published,
unpublished, moved or deleted (a region's profile among them), the site settings' links,
regions', topics', audiences' and organisations' names, and images (a region's logo, a card's
picture; on commit: regions/cached.py); so do the front and region pages' cached sections,
resource cards, and the served pages kept with their related rows (home/routing.py).
The cached sites with their front pages (home/sites.py) and the regions' profiles
(home/profiles.py) are forgotten on the same page changes, the sites also when a site is saved
or deleted."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings
from home.profiles import forget_profiles, logo_changing
from home.sites import forget_sites
from partners.models import Organisation
from regions.cached import expire_fragments
from regions.models import Region
from resources.models import Audience, Topic


def connect():
    page_published.connect(expire_fragments, dispatch_uid="kb_fragments_published")
    page_unpublished.connect(expire_fragments, dispatch_uid="kb_fragments_unpublished")
    post_page_move.connect(expire_fragments, dispatch_uid="kb_fragments_moved")
    post_delete.connect(expire_fragments, sender=Page, dispatch_uid="kb_fragments_deleted")
    post_save.connect(expire_fragments, sender=SiteSettings, dispatch_uid="kb_fragments_settings")
    # Cards show their region's and topics' names, region pages their member organisations.
    for model in (Region, Topic, Audience, Organisation):
        name = model._meta.label_lower
        post_save.connect(expire_fragments, sender=model, dispatch_uid=f"kb_fragments_{name}")
        post_delete.connect(expire_fragments, sender=model, dispatch_uid=f"kb_gone_{name}")
    image_model = get_image_model()
    post_save.connect(expire_fragments, sender=image_model, dispatch_uid="kb_fragments_image")
    post_delete.connect(expire_fragments, sender=image_model, dispatch_uid="kb_gone_image")
    post_save.connect(logo_changing, sender=image_model, dispatch_uid="kb_fragments_logo_saved")
    pre_delete.connect(logo_changing, sender=image_model, dispatch_uid="kb_fragments_logo_deleted")
    page_published.connect(forget_profiles, dispatch_uid="kb_profiles_published")
    page_unpublished.connect(forget_profiles, dispatch_uid="kb_profiles_unpublished")
    post_page_move.connect(forget_profiles, dispatch_uid="kb_profiles_moved")
    post_delete.connect(forget_profiles, sender=Page, dispatch_uid="kb_profiles_deleted")
    page_published.connect(forget_sites, dispatch_uid="kb_sites_published")
    page_unpublished.connect(forget_sites, dispatch_uid="kb_sites_unpublished")
    post_page_move.connect(forget_sites, dispatch_uid="kb_sites_moved")
    post_delete.connect(forget_sites, sender=Page, dispatch_uid="kb_sites_page_deleted")
    post_save.connect(forget_sites, sender=Site, dispatch_uid="kb_sites_saved")
    post_delete.connect(forget_sites, sender=Site, dispatch_uid="kb_sites_deleted")
