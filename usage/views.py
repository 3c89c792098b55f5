"""The editors' usage report (Rapporter → Bruksstatistikk): a year's figures for the areas the
editor's team may see (usage/access.py), as tables, a chart and a CSV file.

``?ar=<year>&omrade=<slug>&eksport=csv``. A region the editor may not see is refused however
the address is written; a year or area that makes no sense is a 400 with the reason.
"""

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tally.counter import write_buffered
from tally.events import Event
from usage import export
from usage.access import access_for
from usage.chart import bar_chart
from usage.figures import EVENTS, report, years_with_counts


class ReportForm(forms.Form):
    ar = forms.TypedChoiceField(label=_("År"), coerce=int)
    omrade = forms.ChoiceField(label=_("Område"), required=False)

    def __init__(self, data, *, years, access):
        super().__init__(data)
        self.fields["ar"].choices = [(year, year) for year in years]
        self.fields["omrade"].choices = [(scope.slug, scope.label) for scope in access.scopes]


def report_years(today):
    """This year, and every year with counts (newest first)."""
    return sorted({today.year, *years_with_counts()}, reverse=True)


class UsageReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "usage/admin/report.html"
    page_title = _("Bruksstatistikk")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.access = access_for(request.user)
        if not self.access.scopes:
            return permission_denied(request)
        wanted = request.GET.get("omrade")
        if wanted is not None and self.access.scope(wanted) is None:
            # Another region's figures, asked for by editing the address.
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        write_buffered()  # without Redis: this process's latest counts first
        years = report_years(timezone.localdate())
        data = {"ar": years[0], "omrade": self.access.scopes[0].slug}
        data.update({key: request.GET[key] for key in ("ar", "omrade") if key in request.GET})
        form = ReportForm(data, years=years, access=self.access)
        if not form.is_valid():
            context = self.get_context_data(form=form, figures=None)
            return self.render_to_response(context, status=400)
        scope = self.access.scope(form.cleaned_data["omrade"] or "")
        figures = report(form.cleaned_data["ar"], scope, request)
        if request.GET.get("eksport") == "csv":
            response = HttpResponse(export.as_csv(figures), content_type="text/csv; charset=utf-8")
            name = f"bruksstatistikk-{figures.year}-{scope.slug or 'alle'}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return self.render_to_response(self.get_context_data(form=form, figures=figures))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = kwargs.get("figures")
        context["events"] = EVENTS
        context["default_language"] = settings.LANGUAGE_CODE
        if figures is not None:
            context["chart"] = bar_chart(
                [row.counts[Event.VIEW.value] for row in figures.months],
                [row.label[:3] for row in figures.months],
            )
            context["csv_query"] = urlencode(
                {"ar": figures.year, "omrade": figures.scope.slug, "eksport": "csv"}
            )
        return context
