"""Topic (fagtema) and Audience (målgruppe): the translatable taxonomy every resource carries."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(
        _("kortnavn"), max_length=80, help_text=_("Brukes i adresser og filtre, f.eks. «demens».")
    )
    name = models.CharField(
        _("navn"), max_length=100, help_text=_("Navnet slik det vises i filtre og på sidene.")
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    description = models.TextField(
        _("beskrivelse"), blank=True, help_text=_("Hva fagtemaet dekker, i én eller to setninger.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("fagtema")
        verbose_name_plural = _("fagtemaer")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_locale")
        ]


class Audience(TaxonomyTerm):
    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug_locale")
        ]
