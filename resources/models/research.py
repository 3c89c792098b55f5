"""Forskning: ResearchIndexPage and ResearchArticlePage, practice-near research told for the
people who use it: who did it and where it is published (DOI or link), what it found in
plain words ("Kort fortalt"), and how a municipality can put it to use."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from blocks.library import text_list_blocks
from resources.api_fields import RESOURCE_API_FIELDS, computed
from resources.doi import doi_url, normalise_doi, validate_doi
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType

FIRST_YEAR = 1900


def latest_year():
    """Accepted publication years end next year (articles "in press" carry it already)."""
    return timezone.localdate().year + 1


class ResearchIndexPage(ListingPage):
    listing_type = "research"
    subpage_types = ["resources.ResearchArticlePage"]

    class Meta:
        verbose_name = _("forskningsoversikt")


class ResearchArticlePage(ResourcePage):
    resource_type = ResourceType(
        key="research",
        label=_("Forskningsartikkel"),
        section_label=_("Forskning"),
        index_model="resources.ResearchIndexPage",
        section_slug="forskning",
        icon="glasses",
        menu_order=65,
        query_words=("forskning", "studie"),
    )

    authors = StreamField(
        text_list_blocks(_("Forfatter")),
        blank=True,
        verbose_name=_("forfattere"),
        help_text=_("Én forfatter per linje, i samme rekkefølge som i publikasjonen."),
    )
    institution = models.CharField(
        _("institusjon"),
        max_length=255,
        blank=True,
        help_text=_("Hvor forskningen er gjort, f.eks. «USHT Innlandet og Høgskolen i Innlandet»."),
    )
    publication = models.CharField(
        _("publisert i"),
        max_length=255,
        blank=True,
        help_text=_("Tidsskriftet eller rapportserien, f.eks. «Sykepleien Forskning»."),
    )
    publication_year = models.PositiveSmallIntegerField(
        _("år"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(latest_year)],
        help_text=_("Året publikasjonen kom ut."),
    )
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        validators=[validate_doi],
        help_text=_(
            "Publikasjonens DOI, f.eks. 10.4220/Sykepleienf.2024.12345. Du kan lime inn hele "
            "doi.org-adressen. Oppgi DOI, lenke eller begge."
        ),
    )
    link = models.URLField(
        _("lenke til publikasjonen"),
        max_length=500,
        blank=True,
        help_text=_(
            "Der publikasjonen kan leses, hvis den ikke har DOI eller ligger et annet sted."
        ),
    )
    practice_summary = models.TextField(
        _("kort fortalt"),
        max_length=1200,
        blank=True,
        help_text=_(
            "Hva forskningen fant, skrevet for dem som jobber i tjenestene: to til fem setninger "
            "uten fagsjargong."
        ),
    )
    implementation_notes = RichTextField(
        _("slik kan kommunen bruke dette"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Konkrete råd for å ta funnene i bruk i en kommune eller et tjenestested."),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("institution"),
                FieldPanel("publication"),
                FieldPanel("publication_year"),
                FieldPanel("doi"),
                FieldPanel("link"),
            ],
            heading=_("Publikasjonen"),
        ),
        FieldPanel("practice_summary"),
        FieldPanel("implementation_notes"),
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("authors"),
        index.SearchField("institution"),
        index.SearchField("publication"),
        index.SearchField("practice_summary"),
        index.SearchField("implementation_notes"),
    ]
    api_fields = [
        *RESOURCE_API_FIELDS,
        computed("authors", {"type": "array", "items": {"type": "string"}}, "author_names"),
        APIField("institution"),
        APIField("publication"),
        APIField("publication_year"),
        APIField("doi"),
        computed("source_url", {"type": "string"}),
        APIField("practice_summary"),
    ]
    parent_page_types = ["resources.ResearchIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("forskningsartikkel")
        verbose_name_plural = _("forskningsartikler")

    def clean(self):
        super().clean()
        errors = {}
        if self.doi:
            try:
                self.doi = normalise_doi(self.doi)
            except ValidationError as error:
                errors["doi"] = error
        if not self.doi and not self.link:
            errors["link"] = _("Oppgi DOI eller lenke, slik at leserne finner publikasjonen.")
        if errors:
            raise ValidationError(errors)

    @property
    def author_names(self):
        return [block.value for block in self.authors]

    @property
    def doi_link(self):
        """The doi.org address of the DOI ("" without one)."""
        return doi_url(self.doi) if self.doi else ""

    @property
    def source_url(self):
        """Where a reader finds the publication: its DOI's address, else the link."""
        return self.doi_link or self.link
