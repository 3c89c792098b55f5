"""Admin registration of the Region snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from regions.models import Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Områder")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]


register_snippet(RegionViewSet)
