from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocksConfig(AppConfig):
    """The ground floor's StreamField block library, block templates and display filters.

    Imports no other app of the project; every page app uses it.
    """

    name = "blocks"
    verbose_name = _("Innholdsblokker")
