"""The one-field form for a code from the authenticator app."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode fra appen"),
        help_text=_("Seks sifre. Koden skifter hvert 30. sekund."),
        max_length=12,
        validators=[RegexValidator(r"^\d{3} ?\d{3}$", _("Skriv de seks sifrene appen viser."))],
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())
