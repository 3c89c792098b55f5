from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events.admin_views import RegistrationsView


@hooks.register("register_admin_urls")
def register_registrations_url():
    return [path("pameldinger/", RegistrationsView.as_view(), name="event_registrations")]


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return MenuItem(_("Påmeldinger"), reverse("event_registrations"), icon_name="date", order=250)
