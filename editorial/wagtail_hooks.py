"""Admin additions for editors: a dashboard panel with their own team's work and the report
of items due for review (Rapporter → Faglig gjennomgang); for administrators,
"Personopplysninger" (removing a person's data on request)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from editorial.dashboard import team_overview
from editorial.personal_data import PersonalDataView, may_erase
from editorial.review_report import ReviewReportView
from editorial.scope import team_scope


class TeamWorkPanel(Component):
    name = "team_work"
    template_name = "editorial/team_work_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(team_overview(self.user))
        return context


@hooks.register("construct_homepage_panels")
def add_team_work_panel(request, panels):
    panels.append(TeamWorkPanel(request.user))


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personopplysninger/", PersonalDataView.as_view(), name="personal_data")]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_erase(request.user)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return AdministratorsMenuItem(
        _("Personopplysninger"), reverse("personal_data"), icon_name="user", order=900
    )


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path(
            "reports/faglig-gjennomgang/",
            ReviewReportView.as_view(),
            name="editorial_review_report",
        ),
        path(
            "reports/faglig-gjennomgang/results/",
            ReviewReportView.as_view(results_only=True),
            name="editorial_review_report_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return team_scope(request.user).any


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Faglig gjennomgang"),
        reverse("editorial_review_report"),
        icon_name="calendar-check",
        order=705,
    )
