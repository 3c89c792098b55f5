"""The Organisation snippet: a hospital, municipality, college, pharmacy or centre that makes
resources (credited on them as "Laget av … i samarbeid med …") and belongs to regions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from partners.forms import OrganisationForm
from regions.slugs import norwegian_slug


class OrganisationKind(models.TextChoices):
    HOSPITAL = "sykehus", _("Sykehus")
    MUNICIPALITY = "kommune", _("Kommune")
    DISTRICT = "bydel", _("Bydel")
    COLLEGE = "utdanning", _("Høgskole eller universitet")
    PHARMACY = "sykehusapotek", _("Sykehusapotek")
    CENTRE = "senter", _("Senter")
    OTHER = "annen", _("Annen")


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("navn"),
        max_length=150,
        help_text=_("Det fulle navnet, f.eks. «Akershus universitetssykehus»."),
    )
    slug = models.SlugField(
        _("kortnavn"),
        max_length=80,
        blank=True,
        help_text=_(
            "Brukes i adressen til organisasjonens side, f.eks. «ahus». Lages av navnet "
            "hvis feltet står tomt."
        ),
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.OTHER,
        help_text=_(
            "Hva slags organisasjon dette er. «Senter» brukes f.eks. for simuleringssentre og "
            "utviklingssentre for sykehjem og hjemmetjenester (USHT)."
        ),
    )
    regions = models.ManyToManyField(
        "regions.Region",
        blank=True,
        related_name="organisations",
        verbose_name=_("områder"),
        help_text=_(
            "Helsefellesskapene organisasjonen hører til. Områdets redaksjon kan redigere den."
        ),
    )
    website = models.URLField(
        _("nettsted"), blank=True, help_text=_("Adressen til organisasjonens eget nettsted.")
    )
    description = models.TextField(
        _("kort beskrivelse"),
        max_length=600,
        blank=True,
        help_text=_("Én til tre setninger om organisasjonen. Vises på organisasjonens side."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Valgfritt. Husk alternativ tekst, f.eks. «Logo: Ahus»."),
    )

    base_form_class = OrganisationForm
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("slug")]),
        FieldPanel("regions"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisasjon")
        verbose_name_plural = _("organisasjoner")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_organisation_slug_locale"
            )
        ]
        permissions = [
            ("change_any_organisation", _("Kan endre organisasjoner i alle områder")),
        ]

    def __str__(self):
        return self.name

    def region_names(self):
        return ", ".join(region.name for region in self.regions.all())

    def fill_slug(self):
        if not self.slug and self.name:
            self.slug = norwegian_slug(self.name, max_length=80)

    def save(self, *args, **kwargs):
        self.fill_slug()  # also for organisations made in code, so their page has an address
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.fill_slug()
        # The form leaves the locale out, so Django would not check this constraint itself
        # and the database would refuse the row instead.
        taken = (
            type(self)
            .objects.filter(slug=self.slug, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if self.slug and self.locale_id and taken:
            raise ValidationError(
                {"slug": _("En annen organisasjon har allerede dette kortnavnet.")}
            )
