from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    """The ground floor: regions (helsefellesskap), region lookup and the visitor's area.

    Imports no other app of the project; every app above may use it.
    """

    name = "regions"
    verbose_name = _("Områder")

    def ready(self):
        from regions import signals  # models are importable only once the apps are ready

        signals.connect()
