"""The public subscription form: an address, an area, and two traps for robots (a hidden
field people leave empty, and a signed start time: a form sent within seconds was not typed)."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from regions.lookup import NATIONAL, region_by_slug, regions_for_locale

STARTED_SALT = "newsletters.form-started"
MIN_SECONDS = 3
# A form left open longer than this is started again (the person gets a message, not a 500).
MAX_SECONDS = 24 * 60 * 60


def started_value(now=None):
    return signing.dumps(now if now is not None else time.time(), salt=STARTED_SALT)


def area_choices():
    return [(NATIONAL, _("Hele landet (nasjonalt nyhetsbrev)"))] + [
        (region.slug, region.name) for region in regions_for_locale()
    ]


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-postadresse"),
        max_length=254,
        error_messages={
            "required": _("Skriv e-postadressen din."),
            "invalid": _("Skriv en gyldig e-postadresse, for eksempel navn@kommune.no."),
        },
    )
    area = forms.ChoiceField(
        label=_("Område"),
        error_messages={
            "required": _("Velg hvilket nyhetsbrev du vil ha."),
            "invalid_choice": _("Velg et av områdene i lista."),
        },
    )
    # The trap: hidden from people (and screen readers); robots fill in every field.
    website = forms.CharField(required=False)
    started = forms.CharField(required=False)

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = time.time() if now is None else now
        self.fields["area"].choices = area_choices()

    @property
    def is_trapped(self):
        """The hidden field was filled in: answer as if all went well, keep nothing."""
        return bool(self.data.get("website"))

    def clean_started(self):
        try:
            started = float(
                signing.loads(self.cleaned_data["started"], salt=STARTED_SALT, max_age=MAX_SECONDS)
            )
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise forms.ValidationError(
                _("Skjemaet var for gammelt eller ufullstendig. Send det en gang til."),
                code="stale",
            ) from error
        if self.now - started < MIN_SECONDS:
            raise forms.ValidationError(
                _("Skjemaet ble sendt veldig raskt. Vent noen sekunder og send det igjen."),
                code="too_fast",
            )
        return started

    def region(self):
        """The chosen Region, or None for the national newsletter."""
        area = self.cleaned_data["area"]
        return None if area == NATIONAL else region_by_slug(area)
