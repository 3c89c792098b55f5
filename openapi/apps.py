from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenApiConfig(AppConfig):
    """The open API (/api/v2/): published public resources, images and documents through
    Wagtail's API v2, read-only, with filters by type, area, topic, audience and language,
    its OpenAPI document, CORS for other portals and a per-client limit."""

    name = "openapi"
    verbose_name = _("Åpent API")
