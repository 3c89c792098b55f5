from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redaksjoner")

    def ready(self):
        from django.db.models.signals import post_save

        from editorial import signals
        from home.models import HomePage, RegionPage, StandardPage
        from projects.models import ProjectPage
        from regions.models import Region
        from resources.registry import index_model_for, resource_types

        post_save.connect(signals.region_saved, sender=Region, dispatch_uid="editorial_region")
        post_save.connect(
            signals.region_page_created, sender=RegionPage, dispatch_uid="editorial_region_page"
        )
        post_save.connect(
            signals.project_created, sender=ProjectPage, dispatch_uid="editorial_project"
        )
        # The front page and what can sit directly below it: index pages and standard pages.
        section_models = {HomePage, StandardPage}
        section_models.update(index_model_for(kind.key) for kind in resource_types())
        for model in section_models:
            post_save.connect(
                signals.national_section_created,
                sender=model,
                dispatch_uid=f"editorial_section_{model._meta.label_lower}",
            )
