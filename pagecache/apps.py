from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """The page cache at the front door (deploy/nginx): which responses a shared cache may
    keep (headers.py), which addresses show a page (showing.py), and purging them when the
    page is published, unpublished, moved or deleted (purge.py, signals.py)."""

    name = "pagecache"
    verbose_name = _("Sidebuffer")

    def ready(self):
        from pagecache import signals  # models are importable only once the apps are ready

        signals.connect()
