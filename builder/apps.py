from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuilderConfig(AppConfig):
    """The top floor: builds content from the apps below — the corpus importer, the page
    tree's skeleton, demo data and screenshots. No other app imports it."""

    name = "builder"
    verbose_name = _("Innholdsbygging")

    def ready(self):
        from django.db.models.signals import post_save

        from builder.tree import give_new_region_its_pages
        from regions.models import Region

        post_save.connect(
            give_new_region_its_pages, sender=Region, dispatch_uid="builder_region_pages"
        )
