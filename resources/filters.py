"""The listing filter form (region, topic, audience): plain GET, works without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.lookup import NATIONAL

# The event list's switch to past events (?tidligere=1), kept by its filter form.
PAST_PARAMETER = "tidligere"


class ListingFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Område"), required=False)
    topic = forms.ChoiceField(label=_("Fagtema"), required=False)
    audience = forms.ChoiceField(label=_("Målgruppe"), required=False)

    def __init__(self, data, *, regions, topics, audiences, with_region=True):
        super().__init__(data)
        everything = [("", _("Alle"))]
        self.fields["region"].choices = [
            *everything,
            (NATIONAL, _("Nasjonalt")),
            *((region.slug, region.name) for region in regions),
        ]
        self.fields["topic"].choices = [*everything, *((t.slug, t.name) for t in topics)]
        self.fields["audience"].choices = [*everything, *((a.slug, a.name) for a in audiences)]
        if not with_region:
            del self.fields["region"]

    def active(self):
        """The valid, non-empty filter values (invalid fields are left out and show an error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
