from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redaksjoner")

    def ready(self):
        from editorial import signals  # models are importable only once the apps are ready

        signals.connect()
