"""The organisers' view of registrations (Wagtail admin, "Påmeldinger"): for each event with
registration that the editor may edit — their own region's, as page permissions decide —
the counts and the list, moving someone up from the waiting list, cancelling, exporting
(CSV, Excel), e-mailing the participants and deleting a person's data on request."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from registrations import emails, exports, registration
from registrations.models import Registration, Status, Submission


def events_for(user):
    """Events with registrations that ``user`` may edit (page permissions: a region's team
    edits its own region's pages), newest first."""
    pages = Page.objects.filter(pk__in=Registration.objects.values("event_id"))
    return [
        page
        for page in pages.specific().order_by("-pk")
        if page.permissions_for_user(user).can_edit()
    ]


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Emne"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Melding"), widget=forms.Textarea)
    include_waiting = forms.BooleanField(
        label=gettext_lazy("Send også til dem på ventelisten"), required=False
    )


class RegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "registrations/admin/registrations.html"
    page_title = gettext_lazy("Påmeldinger")
    header_icon = "date"

    def event(self):
        events = events_for(self.request.user)
        wanted = self.request.GET.get("arrangement") or self.request.POST.get("arrangement")
        if wanted is None:
            return events, (events[0] if events else None)
        selected = next((page for page in events if str(page.pk) == wanted), None)
        if selected is None:
            raise Http404("no such event among yours")
        return events, selected

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events, selected = self.event()
        context.update(events=events, selected=selected, message_form=kwargs.get("form"))
        if selected is not None:
            rows = Registration.objects.filter(event_id=selected.pk)
            context["registrations"] = rows.exclude(status=Status.CANCELLED)
            context["confirmed"], context["waiting"] = registration.counts(selected)
            context["cancelled"] = rows.filter(status=Status.CANCELLED).count()
            context["message_form"] = context["message_form"] or MessageForm()
        return context

    def get(self, request, *args, **kwargs):
        export = request.GET.get("eksport")
        if export in ("csv", "xlsx"):
            _events, selected = self.event()
            if selected is None:
                raise Http404
            return self.export(selected, export)
        return super().get(request, *args, **kwargs)

    def export(self, event, kind):
        rows = Registration.objects.filter(event_id=event.pk).exclude(status=Status.CANCELLED)
        name = slugify(event.title) or str(event.pk)
        if kind == "csv":
            response = HttpResponse(exports.as_csv(rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        else:
            response = HttpResponse(
                exports.as_xlsx(rows, event.title),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response

    def post(self, request, *args, **kwargs):
        _events, event = self.event()
        if event is None:
            raise Http404
        action = request.POST.get("handling")
        base_url = f"{request.scheme}://{request.get_host()}"
        if action == "melding":
            form = MessageForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            sent = self.send_message(event, form.cleaned_data)
            messages.success(request, _("Meldingen er sendt til %(count)d.") % {"count": sent})
        else:
            found = Registration.objects.filter(
                event_id=event.pk, pk=request.POST.get("paamelding") or 0
            ).first()
            if found is None or action not in ("flytt-opp", "avmeld", "slett"):
                messages.error(request, _("Fant ikke påmeldingen."))
            else:
                self.act(action, found, event, base_url)
        url = reverse("event_registrations") + f"?arrangement={event.pk}"
        return HttpResponseRedirect(url)

    def act(self, action, found, event, base_url):
        if action == "flytt-opp" and found.status == Status.WAITING:
            with transaction.atomic():
                found.status = Status.CONFIRMED
                found.promoted_at = timezone.now()
                found.save(update_fields=["status", "promoted_at"])
                transaction.on_commit(lambda: emails.send("promoted", found, event, base_url))
            messages.success(self.request, _("%(name)s har fått plass.") % {"name": found.name})
        elif action == "avmeld":
            done = registration.cancel(found.token, event.capacity)
            if done and done.promoted:
                promoted = done.promoted
                transaction.on_commit(lambda: emails.send("promoted", promoted, event, base_url))
            messages.success(self.request, _("%(name)s er meldt av.") % {"name": found.name})
        elif action == "slett":
            # A person's request to have their data removed.
            promoted = registration.remove(found, event.capacity)
            if promoted:
                transaction.on_commit(lambda: emails.send("promoted", promoted, event, base_url))
            messages.success(self.request, _("Opplysningene om påmeldingen er slettet."))

    def send_message(self, event, data):
        statuses = [Status.CONFIRMED] + ([Status.WAITING] if data["include_waiting"] else [])
        recipients = Registration.objects.filter(event_id=event.pk, status__in=statuses)
        sent = 0
        for recipient in recipients:
            EmailMessage(
                subject=data["subject"],
                body=data["body"],
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[recipient.email],
            ).send()
            sent += 1
        return sent


class SubmissionsView(WagtailAdminTemplateMixin, TemplateView):
    """Events suggested through the public form, with who to ask, for the editors of the
    area each landed in (page permissions)."""

    template_name = "registrations/admin/submissions.html"
    page_title = gettext_lazy("Forslag til arrangementer")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submissions = Submission.objects.select_related("page").order_by("-created_at")
        context["submissions"] = [
            submission
            for submission in submissions
            if submission.page.permissions_for_user(self.request.user).can_edit()
        ]
        return context
