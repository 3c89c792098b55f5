"""Editors' report of searches that found nothing (Rapporter → Søk uten treff).

Top queries are in Wagtail's own "Search terms" report (search promotions); this one lists
what visitors looked for in vain, most frequent first, so editors can add content, synonyms or
a search promotion.
"""

from django.db.models import Max, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query


class ZeroResultQueriesReportView(ReportView):
    page_title = _("Søk uten treff")
    header_icon = "search"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-_misses"
    columns = [
        Column("query_string", label=_("Søk"), sort_key="query_string"),
        NumberColumn("_misses", label=_("Ganger uten treff"), sort_key="_misses"),
        DateColumn("_last", label=_("Sist"), sort_key="_last"),
    ]
    list_export = ["query_string", "_misses", "_last"]
    export_headings = {
        "query_string": _("Søk"),
        "_misses": _("Ganger uten treff"),
        "_last": _("Sist"),
    }

    def get_base_queryset(self):
        return (
            Query.objects.filter(zero_result_days__isnull=False)
            .annotate(_misses=Sum("zero_result_days__hits"), _last=Max("zero_result_days__date"))
            .order_by("-_misses")
        )

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailsearchpromotions.add_searchpromotion"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
