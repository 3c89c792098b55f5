"""The registration form, with the project's spam guards: a honeypot field people do not
see, a signed time stamp (a form sent within seconds of being shown is a robot's), and a
per-client limit (guards/form_timing.py, guards/ratelimit.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from guards.form_timing import form_stamp, looks_automated


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    email = forms.EmailField(
        label=_("E-post"),
        max_length=254,
        help_text=_("Bekreftelsen og eventuell lenke til møtet sendes hit."),
    )
    workplace = forms.CharField(
        label=_("Arbeidssted"),
        max_length=200,
        help_text=_("F.eks. «Hamar kommune, hjemmetjenesten»."),
    )
    dietary = forms.CharField(label=_("Allergier eller matbehov"), max_length=300, required=False)
    profession = forms.CharField(label=_("Yrke"), max_length=120, required=False)
    # Spam guards: "nettsted" is hidden from people (a robot fills it in); "skjema" is the stamp.
    nettsted = forms.CharField(required=False, label=_("Ikke fyll ut dette feltet"))
    skjema = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, ask_dietary=False, ask_profession=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_dietary:
            del self.fields["dietary"]
        if not ask_profession:
            del self.fields["profession"]
        if not self.is_bound:
            self.initial["skjema"] = form_stamp()
        for name, field in self.fields.items():
            if name not in ("nettsted", "skjema"):
                field.widget.attrs.setdefault("class", "ds-input")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["workplace"].widget.attrs["autocomplete"] = "organization"
        self.fields["nettsted"].widget.attrs.update(tabindex="-1", autocomplete="off")
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def add_error(self, field, error):
        """Errors are also tied to their input, for screen readers (the template shows the
        message with id "<input id>-error")."""
        super().add_error(field, error)
        names = [field] if field else []
        if isinstance(error, dict):
            names = list(error)
        for name in names:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                described = attrs.get("aria-describedby", "").split()
                attrs["aria-describedby"] = " ".join([*described, f"id_{name}-error"]).strip()
                attrs["aria-invalid"] = "true"

    def looks_automated(self):
        """True for a robot's submission: the honeypot filled in, or sent too fast (or with a
        forged stamp). The caller then stores nothing."""
        return looks_automated(self.cleaned_data)

    def answers(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "workplace": data["workplace"],
            "dietary": data.get("dietary", ""),
            "profession": data.get("profession", ""),
        }
