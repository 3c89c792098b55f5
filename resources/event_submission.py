"""Partners suggest an event through a public form (/foresla-arrangement/): it becomes a draft
EventPage in the chosen area's list and enters that area's moderation workflow, so the
area's editors review and publish it. The contact details go to the editors only."""

import datetime

from django import forms
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guards.form_timing import form_stamp, looks_automated
from guards.ratelimit import over_limit
from regions.lookup import regions_for_locale
from registrations.models import Submission
from resources.models import EventPage
from resources.sections import index_page_for

SUBMISSIONS_PER_WINDOW = 5


class SubmissionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tittel"), max_length=255)
    summary = forms.CharField(
        label=gettext_lazy("Kort beskrivelse"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Én eller to setninger om hva arrangementet handler om."),
    )
    start = forms.DateTimeField(
        label=gettext_lazy("Starter"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
    )
    end = forms.DateTimeField(
        label=gettext_lazy("Slutter"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
    )
    location = forms.CharField(
        label=gettext_lazy("Sted"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Adresse, eller «Digitalt (Teams)»."),
    )
    online = forms.BooleanField(label=gettext_lazy("Digitalt arrangement"), required=False)
    organiser = forms.CharField(label=gettext_lazy("Arrangør"), max_length=200)
    area = forms.ChoiceField(label=gettext_lazy("Område"))
    contact_name = forms.CharField(label=gettext_lazy("Kontaktperson"), max_length=200)
    contact_email = forms.EmailField(
        label=gettext_lazy("E-post til kontaktpersonen"),
        help_text=gettext_lazy("Bare redaksjonen ser den, hvis de har spørsmål."),
    )
    message = forms.CharField(
        label=gettext_lazy("Melding til redaksjonen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    nettsted = forms.CharField(required=False, label=gettext_lazy("Ikke fyll ut dette feltet"))
    skjema = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.slug: region for region in regions}
        self.fields["area"].choices = [("", _("Hele landet"))] + [
            (region.slug, region.name) for region in regions
        ]
        self.fields["area"].required = False
        if not self.is_bound:
            self.initial["skjema"] = form_stamp()
        self.fields["nettsted"].widget.attrs.update(tabindex="-1", autocomplete="off")
        for name, field in self.fields.items():
            if name not in ("nettsted", "skjema", "online"):
                field.widget.attrs.setdefault("class", "ds-input")
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and start < timezone.now():
            self.add_error("start", _("Arrangementet må være fram i tid."))
        if start and end and end < start:
            self.add_error("end", _("Slutt kan ikke være før start."))
        return data

    def looks_automated(self):
        return looks_automated(self.cleaned_data)

    def region(self):
        return self.regions.get(self.cleaned_data.get("area") or "")


def _unique_slug(parent, title):
    base = slugify(title)[:60] or "arrangement"
    slug, number = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_draft(request, form):
    """The suggested event as a draft in the area's list, submitted to its workflow."""
    data = form.cleaned_data
    parent = index_page_for(request, "event", form.region())
    with transaction.atomic():
        page = EventPage(
            title=data["title"],
            slug=_unique_slug(parent, data["title"]),
            summary=data["summary"],
            start=data["start"],
            end=data["end"] or data["start"] + datetime.timedelta(hours=2),
            location=data["location"],
            online=data["online"],
            organiser=data["organiser"],
            live=False,
        )
        parent.add_child(instance=page)
        page.save_revision()
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, None)
        Submission.objects.create(
            page=page,
            name=data["contact_name"],
            email=data["contact_email"],
            message=data["message"],
        )
    return page


def submit_event(request):
    regions = list(regions_for_locale())
    form = SubmissionForm(request.POST or None, regions=regions)
    status, error = 200, None
    if request.method == "POST":
        status = 400
        if over_limit(request, "event-submissions", limit=SUBMISSIONS_PER_WINDOW):
            status, error = (
                429,
                _("Det er sendt mange forslag herfra på kort tid. Prøv igjen om litt."),
            )
        elif form.is_valid():
            if form.looks_automated():
                error = _("Skjemaet ble sendt for raskt. Vent noen sekunder og send det på nytt.")
                data = form.data.copy()
                data["skjema"], data["nettsted"] = form_stamp(), ""
                form = SubmissionForm(data, regions=regions)
            else:
                create_draft(request, form)
                return HttpResponseRedirect(request.path + "?sendt=1", status=303)
    context = {"form": form, "error": error, "sent": request.GET.get("sendt") == "1"}
    return render(request, "resources/event_submission.html", context, status=status)
