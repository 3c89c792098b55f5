"""The organisation form: a region's team picks among its own regions only, and keeps the
regions of other teams that the organisation already belongs to."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from partners.permissions import may_change_any, regions_edited_by


class OrganisationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.restricted = user is not None and not may_change_any(user)
        self.kept_regions = []
        if not self.restricted or "regions" not in self.fields:
            return
        own = regions_edited_by(user)
        if self.instance.pk:
            self.kept_regions = list(self.instance.regions.exclude(pk__in=own.values("pk")))
        field = self.fields["regions"]
        field.queryset = own
        field.required = True
        field.help_text = _(
            "Områdene du redigerer for. Organisasjonen må høre til minst ett av dem, ellers "
            "kan du ikke redigere den senere."
        )

    def clean_regions(self):
        chosen = self.cleaned_data["regions"]
        if not self.restricted:
            return chosen
        return [*chosen, *self.kept_regions]
