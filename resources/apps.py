from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Ressurser")

    def ready(self):
        from wagtail.signals import post_page_move

        from resources.ownership import refresh_after_move

        # Any page's move can carry resources with it (an index page, a region's section).
        post_page_move.connect(refresh_after_move, dispatch_uid="resources_owner_after_move")
