from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Taking part in events: registration with a waiting list, cancellation without login,
    the e-mails a participant gets, and calendar files (iCalendar, RFC 5545).

    Not called "events": opensearch-py imports the PyPI package of that name, which an app
    called events would hide.

    It sits below resources (whose EventPage routes its registration form here) and above the
    ground floor: it knows an event only through the fields EventPage declares.
    """

    name = "registrations"
    verbose_name = _("Påmelding")
