from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """The old site's addresses (docs/operations/legacy-urls.md): redirect lists imported into
    Wagtail's redirects, the old address forms answered by a page's slug, and the log of
    addresses that still find nothing (404), for the editors' report."""

    name = "legacy"
    verbose_name = _("Gamle adresser")
