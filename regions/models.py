"""The Region snippet: one health community (helsefellesskap) with its own editorial team."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Region(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(
        _("kortnavn"),
        max_length=50,
        help_text=_("Brukes i adresser og i ?o=<kortnavn>, f.eks. «innlandet»."),
    )
    name = models.CharField(_("navn"), max_length=100, help_text=_("F.eks. «Innlandet»."))
    description = models.TextField(
        _("beskrivelse"),
        blank=True,
        help_text=_("Hvilket sykehus og hvilke kommuner området omfatter."),
    )

    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("samling"),
        help_text=_("Bilde- og dokumentsamlingen til områdets redaksjon (opprettes automatisk)."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("område")
        verbose_name_plural = _("områder")
        ordering = ["name"]
        # The table keeps the name it had in the `home` app, so databases upgrade in place.
        db_table = "home_region"
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_region_slug_locale")
        ]

    def __str__(self):
        return self.name
