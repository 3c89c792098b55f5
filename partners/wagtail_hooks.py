"""Admin registration of the Organisation snippet, and the rule that a region's team edits
only its own region's organisations (partners/permissions.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.models import Organisation
from partners.permissions import may_edit


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Samarbeidspartnere")
    menu_order = 215
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("kind", label=_("Type"), accessor="get_kind_display"),
        Column("region_names", label=_("Områder"), accessor="region_names"),
    ]
    list_filter = ["kind", "regions"]
    search_fields = ["name", "description"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Organisation.objects.prefetch_related("regions")


register_snippet(OrganisationViewSet)


@hooks.register("before_edit_snippet")
def edit_own_organisations_only(request, instance):
    if isinstance(instance, Organisation) and not may_edit(request.user, instance):
        return permission_denied(request)
    return None


@hooks.register("before_delete_snippet")
def delete_own_organisations_only(request, instances):
    organisations = [item for item in instances if isinstance(item, Organisation)]
    if any(not may_edit(request.user, item) for item in organisations):
        return permission_denied(request)
    return None
