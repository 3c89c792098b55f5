from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TallyConfig(AppConfig):
    """The ground floor: counts of page views, plays, downloads, course completions and
    kursbevis per item and day, without anything about who caused them.

    Imports no other app of the project, so every app above may count (courses counts its
    completions here); what is counted where, and the report, are in ``usage``.
    """

    name = "tally"
    verbose_name = _("Bruksstatistikk")
