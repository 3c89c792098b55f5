from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Ressurser")

    def ready(self):
        from resources import signals  # models are importable only once the apps are ready

        signals.connect()
