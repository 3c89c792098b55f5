from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsageConfig(AppConfig):
    """Usage statistics without tracking: what is counted where (the page's beacon, document
    downloads), and the editors' report per region with its chart and CSV export.

    On the top floor beside builder: it reads the page types (resources), the teams
    (editorial) and the rate limits (guards); the counting itself is in ``tally``.
    """

    name = "usage"
    verbose_name = _("Bruksstatistikk")

    def ready(self):
        from usage import downloads  # models are importable only once the apps are ready

        downloads.connect()
