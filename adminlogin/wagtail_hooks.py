"""The second-factor pages in the admin's URLs, and their place in the account menu."""

from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from adminlogin import views


@hooks.register("register_admin_urls")
def urlpatterns():
    return [
        path("totrinn/", views.setup, name="adminlogin_setup"),
        path("totrinn/kode/", views.verify, name="adminlogin_verify"),
        path("totrinn/slett/", views.remove, name="adminlogin_remove"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("adminlogin_setup"),
        "label": _("Totrinnsinnlogging"),
        "help_text": _(
            "Logg inn med en kode fra en app på telefonen i tillegg til passordet, "
            "eller bytt til en ny telefon."
        ),
    }
