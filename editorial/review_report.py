"""Rapporter → Faglig gjennomgang: a team's published items whose review date has passed or
comes within DUE_SOON_DAYS, oldest first, each linking to its editor.

A local team sees the items its own region owns; the central team sees every region's and the
national ones, with a region filter (editorial/scope.py decides who is which). CSV and Excel
export come with Wagtail's report view.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from editorial.scope import team_scope
from regions.lookup import NATIONAL
from resources.models import ResourcePage
from resources.review import due_by

OVERDUE = "forfalt"
DUE_SOON = "snart"


STATUS_LABELS = {OVERDUE: _("Forfalt"), DUE_SOON: _("Forfaller snart")}


def review_status(page, today=None):
    """OVERDUE when the review date has passed, else DUE_SOON (within DUE_SOON_DAYS)."""
    return OVERDUE if page.review_by < (today or timezone.localdate()) else DUE_SOON


def status_label(page):
    return STATUS_LABELS[review_status(page)]


def items_due(scope, today=None):
    """The live resource pages in ``scope`` (a TeamScope) that are due for review by
    ``today`` plus DUE_SOON_DAYS."""
    return (
        ResourcePage.objects.live()
        .filter(scope.owned_q())
        .due_for_review(due_by(today))
        .select_related("owner_region", "locale")
    )


def type_label(page):
    kind = page.specific_class.resource_type if page.specific_class else None
    return kind.label if kind else page.content_type.name


def region_name(page):
    return page.owner_region.name if page.owner_region else _("Nasjonalt")


def shown_date(value):
    return date_format(value, "DATE_FORMAT") if value else ""


class ReviewReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=list(STATUS_LABELS.items()), method="filter_status"
    )
    region = django_filters.ChoiceFilter(
        label=_("Område"), choices=[], method="filter_region", empty_label=_("Alle områder")
    )

    class Meta:
        model = ResourcePage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = team_scope(self.request.user)
        self.regions = {region.slug: region for region in scope.regions}
        choices = [(slug, region.name) for slug, region in self.regions.items()]
        if scope.central:
            choices.append((NATIONAL, _("Nasjonalt")))
        if len(choices) < 2:  # one region only: nothing to choose
            del self.filters["region"]
        else:
            self.filters["region"].extra["choices"] = choices

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == OVERDUE:
            return queryset.filter(review_by__lt=today)
        return queryset.filter(review_by__gte=today)

    def filter_region(self, queryset, name, value):
        if value == NATIONAL:
            return queryset.filter(owner_region__isnull=True)
        region = self.regions[value]
        return queryset.filter(owner_region__translation_key=region.translation_key)


class ReviewReportView(ReportView):
    page_title = _("Faglig gjennomgang")
    header_icon = "calendar-check"
    index_url_name = "editorial_review_report"
    index_results_url_name = "editorial_review_report_results"
    filterset_class = ReviewReportFilterSet
    is_searchable = True
    search_fields = ["title"]
    search_backend_name = None  # a plain "title contains" in the database, on every backend
    default_ordering = "review_by"
    export_filename = "faglig-gjennomgang"
    columns = [
        TitleColumn(
            "title",
            label=_("Tittel"),
            sort_key="title",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("type", label=_("Type"), accessor=type_label),
        Column("region", label=_("Område"), accessor=region_name, sort_key="owner_region__name"),
        LocaleColumn(label=_("Språk")),
        Column(
            "review_by",
            label=_("Gjennomgås innen"),
            accessor=lambda page: shown_date(page.review_by),
            sort_key="review_by",
        ),
        Column("status", label=_("Status"), accessor=status_label),
        Column(
            "last_reviewed",
            label=_("Sist faglig oppdatert"),
            accessor=lambda page: shown_date(page.last_reviewed),
            sort_key="last_reviewed",
        ),
    ]
    list_export = ["title", "type", "region", "review_by", "status", "last_reviewed", "url"]
    export_headings = {
        "title": _("Tittel"),
        "type": _("Type"),
        "region": _("Område"),
        "review_by": _("Gjennomgås innen"),
        "status": _("Status"),
        "last_reviewed": _("Sist faglig oppdatert"),
        "url": _("Adresse"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.scope = team_scope(request.user)
        if not self.scope.any:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return items_due(self.scope)

    def to_row_dict(self, item):
        return {
            "title": item.title,
            "type": type_label(item),
            "region": region_name(item),
            "review_by": item.review_by,
            "status": status_label(item),
            "last_reviewed": item.last_reviewed,
            "url": item.get_full_url(self.request) or "",
        }
