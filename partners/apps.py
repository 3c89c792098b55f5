from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Partners as data: the organisations (hospitals, municipalities, colleges …) credited on
    resources and belonging to regions, and who may edit them.

    It sits below resources (which credits organisations on its pages) and above the ground
    floor: it imports only regions.
    """

    name = "partners"
    verbose_name = _("Samarbeidspartnere")
