"""The editors' report of old addresses that still find nothing (Rapporter → Adresser uten
side), most hit first, each with a link to make a redirect from it; and the redirect form
that link opens, filled in with the address.

Who sees it: whoever may add redirects (wagtailredirects.add_redirect): administrators, and
the central team's moderators (editorial/teams.py gives them Wagtail's redirect permissions).
A redirect applies to the whole site, whatever region's page it comes from, so local teams
ask the central team.
"""

from urllib.parse import urlencode

from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.views import CreateView as RedirectCreateView

from legacy.models import NotFoundPath
from legacy.paths import MAX_LENGTH

PERMISSION = "wagtailredirects.add_redirect"


def may_see(user):
    return user.has_perm(PERMISSION)


class RedirectLinkColumn(TitleColumn):
    """ "Lag viderekobling", to the redirect form filled in with the row's address; the link
    names the address for screen readers, since every row's link reads the same."""

    def get_link_url(self, instance, parent_context):
        query = urlencode({"old_path": instance.path, "site": instance.site_id})
        return f"{reverse('legacy_redirect_from_report')}?{query}"

    def get_link_attrs(self, instance, parent_context):
        label = _("Lag viderekobling fra %(path)s") % {"path": instance.path}
        return {"aria-label": label}


class NotFoundReportView(ReportView):
    page_title = _("Adresser uten side (404)")
    header_icon = "redirect"
    index_url_name = "legacy_not_found_report"
    index_results_url_name = "legacy_not_found_report_results"
    is_searchable = True
    search_fields = ["path"]
    default_ordering = "-_hits"
    columns = [
        Column("path", label=_("Adresse"), sort_key="path"),
        NumberColumn("_hits", label=_("Treff"), sort_key="_hits"),
        NumberColumn("_days", label=_("Dager"), sort_key="_days"),
        DateColumn("_last", label=_("Sist"), sort_key="_last"),
        RedirectLinkColumn(
            "redirect", label=_("Viderekobling"), accessor=lambda row: _("Lag viderekobling")
        ),
    ]
    list_export = ["path", "_hits", "_days", "_last"]
    export_headings = {
        "path": _("Adresse"),
        "_hits": _("Treff"),
        "_days": _("Dager"),
        "_last": _("Sist"),
    }

    def get_base_queryset(self):
        # Addresses a redirect now answers are done (they are no longer counted either).
        redirected = Redirect.objects.filter(old_path=OuterRef("path")).filter(
            Q(site=OuterRef("site")) | Q(site__isnull=True)
        )
        return (
            NotFoundPath.objects.filter(~Exists(redirected))
            .annotate(_hits=Sum("days__hits"), _days=Count("days"), _last=Max("days__date"))
            .filter(_hits__gt=0)
        )

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class RedirectFromReportView(RedirectCreateView):
    """Wagtail's own "add redirect" form with the old address (and site) filled in from the
    query string; it is sent to Wagtail's add view, which checks and saves it as ever."""

    def get_initial(self):
        initial = super().get_initial()
        old_path = self.request.GET.get("old_path", "")[:MAX_LENGTH]
        if old_path:
            initial["old_path"] = old_path
        site = self.request.GET.get("site", "")
        if site.isascii() and site.isdigit():
            initial["site"] = int(site)
        return initial
