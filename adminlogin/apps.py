from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminLoginConfig(AppConfig):
    name = "adminlogin"
    verbose_name = _("Innlogging til redigeringsverktøyet")
