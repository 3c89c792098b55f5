from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from usage.access import access_for
from usage.views import UsageReportView


@hooks.register("register_admin_urls")
def register_usage_report_url():
    return [path("bruksstatistikk/", UsageReportView.as_view(), name="usage_report")]


class TeamReportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(access_for(request.user).scopes)


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return TeamReportMenuItem(
        _("Bruksstatistikk"), reverse("usage_report"), icon_name="table", order=950
    )
