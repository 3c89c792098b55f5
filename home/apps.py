from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Forside og områder")

    def ready(self):
        from . import signals  # noqa: F401
        from .navigation import connect_fragment_expiry

        connect_fragment_expiry()
