from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    """A newsletter per area: double opt-in subscriptions, one-click unsubscribe, issues
    composed in the admin from the week's news and events, and sending them in batches."""

    name = "newsletters"
    verbose_name = _("Nyhetsbrev")
