"""Admin: the report of addresses that find nothing under Reports, and its redirect form."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from legacy.reports import NotFoundReportView, RedirectFromReportView, may_see


@hooks.register("register_admin_urls")
def register_not_found_report_urls():
    view = NotFoundReportView
    return [
        path("reports/not-found/", view.as_view(), name="legacy_not_found_report"),
        path(
            "reports/not-found/results/",
            view.as_view(results_only=True),
            name="legacy_not_found_report_results",
        ),
        path(
            "reports/not-found/redirect/",
            RedirectFromReportView.as_view(),
            name="legacy_redirect_from_report",
        ),
    ]


class NotFoundReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_not_found_report_menu_item():
    return NotFoundReportMenuItem(
        _("Adresser uten side (404)"),
        reverse("legacy_not_found_report"),
        icon_name="redirect",
        order=720,
    )
