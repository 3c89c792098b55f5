from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FavouritesConfig(AppConfig):
    """Favourites without an account ("Legg til favoritt"): kept in the visitor's browser,
    the "Mine favoritter" page and the small JSON endpoint that describes published pages."""

    name = "favourites"
    verbose_name = _("Favoritter")
