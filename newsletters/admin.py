"""Nyhetsbrev in the admin: editors compose their area's issues (pre-filled with the week's
news and the month's events), preview the e-mail, send a test to themselves, and send the
issue to its subscribers (queued for ``send_newsletter --queued``). Each team
sees only its own newsletters' issues and subscriber counts; addresses are shown to nobody.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import BasePermissionPolicy

from newsletters.access import areas_for
from newsletters.compose import draft_items, draft_subject
from newsletters.mail import issue_message
from newsletters.models import Delivery, Issue, Subscription
from newsletters.sending import queue
from regions.lookup import NATIONAL, region_by_slug


class IssuePermissionPolicy(BasePermissionPolicy):
    """A team may do everything with its own newsletters' issues, except change or delete
    one that has been sent (its deliveries are the record of what went out)."""

    def user_has_permission(self, user, action):
        return user.is_active and bool(areas_for(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if not (user.is_active and areas_for(user).allows(instance.region)):
            return False
        return action not in ("change", "delete") or instance.status == Issue.Status.DRAFT

    def instances_user_has_any_permission_for(self, user, actions):
        areas = areas_for(user)
        mine = Q(region__in=[region.pk for region in areas.regions])
        if areas.national:
            mine |= Q(region__isnull=True)
        return Issue.objects.filter(mine)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class IssueForm(WagtailAdminModelForm):
    """The area field offers only the user's own newsletters; empty means national."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = areas_for(self.for_user)
        field = self.fields["region"]
        field.queryset = field.queryset.filter(pk__in=[region.pk for region in areas.regions])
        field.required = not areas.national
        field.empty_label = _("Nasjonalt") if areas.national else None

    def clean_region(self):
        region = self.cleaned_data.get("region")
        if not areas_for(self.for_user).allows(region):
            raise forms.ValidationError(_("Du kan bare lage nyhetsbrev for din egen redaksjon."))
        return region


def subscriber_count(issue):
    return Subscription.objects.confirmed().for_region(issue.region).count()


def delivered_count(issue):
    return issue.deliveries.filter(status=Delivery.Status.SENT).count()


def undelivered_count(issue):
    """Failed sends plus hard bounces (whose addresses are gone)."""
    return issue.deliveries.filter(status=Delivery.Status.FAILED).count() + issue.bounced


def area_name(issue):
    return issue.region.name if issue.region else _("Nasjonalt")


def send_button(issue):
    return Button(
        _("Send til abonnentene"),
        url=reverse("newsletter_issue:send", args=[issue.pk]),
        icon_name="resubmit",
        priority=25,
    )


def preview_button(issue):
    return Button(
        _("Forhåndsvis e-posten"),
        url=reverse("newsletter_issue:preview", args=[issue.pk]),
        icon_name="view",
        priority=15,
        attrs={"target": "_blank", "rel": "noopener"},
    )


class IssueIndexView(generic.IndexView):
    def get_base_queryset(self):
        policy = self.permission_policy
        return policy.instances_user_has_any_permission_for(self.request.user, ["change"])

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(_("Abonnenter"), url=reverse("newsletter_issue:subscribers"), icon_name="user"),
        ]

    def get_list_more_buttons(self, instance):
        buttons = [
            *super().get_list_more_buttons(instance),
            preview_button(instance),
            Button(
                _("Send en test til deg selv"),
                url=reverse("newsletter_issue:send_test", args=[instance.pk]),
                icon_name="mail",
                priority=20,
            ),
        ]
        if instance.status == Issue.Status.DRAFT:
            buttons.append(send_button(instance))
        return buttons


class OwnIssueMixin:
    """Wagtail's generic views check the model-wide permission only: the issue itself must be
    one of the user's newsletters too (change/delete: and still a draft)."""

    issue_action = "change"

    def get_object(self, *args, **kwargs):
        issue = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        if not policy.user_has_permission_for_instance(self.request.user, self.issue_action, issue):
            raise PermissionDenied
        return issue


class IssueDeleteView(OwnIssueMixin, generic.DeleteView):
    issue_action = "delete"


class IssueHistoryView(OwnIssueMixin, generic.HistoryView):
    issue_action = "view"


class IssueUsageView(OwnIssueMixin, generic.UsageView):
    issue_action = "view"


class IssueEditView(OwnIssueMixin, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            preview_button(self.object),
            Button(
                _("Send en test til deg selv"),
                url=reverse("newsletter_issue:send_test", args=[self.object.pk]),
                icon_name="mail",
                priority=20,
            ),
            send_button(self.object),
        ]


class IssueCreateView(generic.CreateView):
    def requested_region(self):
        """?omrade=<slug> or nasjonalt; default the user's first newsletter."""
        areas = areas_for(self.request.user)
        wanted = self.request.GET.get("omrade")
        if wanted == NATIONAL and areas.national:
            return None
        if wanted:
            region = region_by_slug(wanted)
            if region is not None and areas.allows(region):
                return region
        return None if areas.national else (areas.regions[0] if areas.regions else None)

    def get_initial_form_instance(self):
        if self.request.method != "GET":
            return None
        region = self.requested_region()
        return Issue(region=region, subject=draft_subject(region), items=draft_items(region))


class SubscribersView(WagtailAdminTemplateMixin, TemplateView):
    """Counts per newsletter the user composes (never the addresses)."""

    template_name = "newsletters/admin/subscribers.html"
    page_title = _("Abonnenter på nyhetsbrev")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not areas_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for region, name in areas_for(self.request.user).choices():
            subscriptions = Subscription.objects.for_region(region)
            rows.append(
                {
                    "name": name,
                    "slug": region.slug if region else NATIONAL,
                    "confirmed": subscriptions.confirmed().count(),
                    "pending": subscriptions.filter(status=Subscription.Status.PENDING).count(),
                }
            )
        context["rows"] = rows
        return context


class IssueAccessMixin:
    """The issue named in the URL, for users who compose its newsletter (else 403)."""

    def dispatch(self, request, pk):
        self.issue = get_object_or_404(Issue.objects.select_related("region"), pk=pk)
        if not areas_for(request.user).allows(self.issue.region):
            raise PermissionDenied
        return super().dispatch(request, pk)


class PreviewView(IssueAccessMixin, View):
    """The saved issue as its e-mail's HTML part (with a stand-in unsubscribe link)."""

    def get(self, request, pk):
        stand_in = Subscription(email=request.user.email, region=self.issue.region)
        mail = issue_message(self.issue, stand_in, base_url=request.build_absolute_uri("/")[:-1])
        html = mail.alternatives[0][0]
        response = HttpResponse(html)
        response["X-Robots-Tag"] = "noindex"
        return response


class SendTestView(IssueAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks, POST sends the issue to the editor's own address (nobody else's)."""

    template_name = "newsletters/admin/send_test.html"
    page_title = _("Send en test til deg selv")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["issue"] = self.issue
        return context

    def post(self, request, pk):
        if not request.user.email:
            messages.error(request, _("Brukeren din har ingen e-postadresse."))
            return redirect("newsletter_issue:edit", pk)
        stand_in = Subscription(email=request.user.email, region=self.issue.region)
        mail = issue_message(self.issue, stand_in, base_url=request.build_absolute_uri("/")[:-1])
        mail.subject = "[Test] " + mail.subject
        mail.send()
        messages.success(
            request, _("Testen er sendt til %(email)s.") % {"email": request.user.email}
        )
        return redirect("newsletter_issue:edit", pk)


class SendView(IssueAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks (with the number of subscribers), POST queues a draft for sending."""

    template_name = "newsletters/admin/send.html"
    page_title = _("Send til abonnentene")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["issue"] = self.issue
        context["subscribers"] = subscriber_count(self.issue)
        return context

    def post(self, request, pk):
        if queue(self.issue):
            messages.success(
                request,
                _("«%(subject)s» sendes til abonnentene i løpet av noen minutter.")
                % {"subject": self.issue.subject},
            )
        else:
            messages.error(request, _("Nyhetsbrevet er allerede sendt eller på vei."))
        return redirect("newsletter_issue:index")


class IssueViewSet(ModelViewSet):
    model = Issue
    name = "newsletter_issue"
    url_prefix = "nyhetsbrev"
    icon = "mail"
    menu_label = _("Nyhetsbrev")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = IssueIndexView
    add_view_class = IssueCreateView
    edit_view_class = IssueEditView
    delete_view_class = IssueDeleteView
    history_view_class = IssueHistoryView
    usage_view_class = IssueUsageView
    list_display = [
        "subject",
        Column("area", label=_("Område"), accessor=area_name),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "created",
        Column("subscribers", label=_("Bekreftede abonnenter"), accessor=subscriber_count),
        Column("delivered", label=_("Sendt til"), accessor=delivered_count),
        Column("undelivered", label=_("Ikke levert"), accessor=undelivered_count),
    ]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [
            FieldPanel("region", widget=forms.Select),
            FieldPanel("subject"),
            FieldPanel("intro"),
            FieldPanel("items"),
        ],
        base_form_class=IssueForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("abonnenter/", SubscribersView.as_view(), name="subscribers"),
            path("test/<int:pk>/", SendTestView.as_view(), name="send_test"),
            path("send/<int:pk>/", SendView.as_view(), name="send"),
            path("forhandsvis/<int:pk>/", PreviewView.as_view(), name="preview"),
        ]
