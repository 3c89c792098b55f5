"""Admin: the zero-result search report under Reports, and the synonym list as a snippet."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym
from search.reports import ZeroResultQueriesReportView


@hooks.register("register_admin_urls")
def register_zero_results_report_url():
    view = ZeroResultQueriesReportView
    return [
        path("reports/search-zero-results/", view.as_view(), name="search_zero_results"),
        path(
            "reports/search-zero-results/results/",
            view.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailsearchpromotions.add_searchpromotion")


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Søk uten treff"),
        reverse("search_zero_results"),
        icon_name="search",
        order=710,
    )


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonymer i søket")
    list_display = ["words", "one_way"]
    search_fields = ["words"]


register_snippet(SynonymViewSet)
