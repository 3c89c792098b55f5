from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FavouritesConfig(AppConfig):
    """ "Legg til favoritt" without an account: favourites kept in the visitor's browser, the
    "Mine favoritter" page and the small JSON endpoint that describes published pages."""

    name = "favourites"
    verbose_name = _("Favoritter")
