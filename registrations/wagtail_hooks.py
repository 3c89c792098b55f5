from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from registrations.admin_views import RegistrationsView, SubmissionsView
from registrations.personal_data import RegistrationData


@hooks.register("register_admin_urls")
def register_registrations_url():
    return [
        path("pameldinger/", RegistrationsView.as_view(), name="event_registrations"),
        path("arrangementsforslag/", SubmissionsView.as_view(), name="event_submissions"),
    ]


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return MenuItem(_("Påmeldinger"), reverse("event_registrations"), icon_name="date", order=250)


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item():
    return MenuItem(
        _("Forslag til arrangementer"), reverse("event_submissions"), icon_name="mail", order=251
    )


@hooks.register("register_personal_data")
def register_registration_personal_data():
    return RegistrationData()
