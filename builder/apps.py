from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuilderConfig(AppConfig):
    """The top floor: builds content from the apps below — the corpus importer, the page
    tree's skeleton, demo data and screenshots. No other app imports it."""

    name = "builder"
    verbose_name = _("Innholdsbygging")

    def ready(self):
        from builder import tree  # models are importable only once the apps are ready

        tree.connect()
