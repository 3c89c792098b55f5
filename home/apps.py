from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Forside og områder")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home.models import SiteSettings
        from home.navigation import expire_fragments

        # The cached menu and footer list live pages and the site settings' links.
        page_published.connect(expire_fragments, dispatch_uid="kb_fragments_published")
        page_unpublished.connect(expire_fragments, dispatch_uid="kb_fragments_unpublished")
        post_page_move.connect(expire_fragments, dispatch_uid="kb_fragments_moved")
        post_delete.connect(expire_fragments, sender=Page, dispatch_uid="kb_fragments_deleted")
        post_save.connect(
            expire_fragments, sender=SiteSettings, dispatch_uid="kb_fragments_settings"
        )
