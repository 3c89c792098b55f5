from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Forside og områder")

    def ready(self):
        from home import signals  # models are importable only once the apps are ready

        signals.connect()
