"""Prosjekter: ProjectIndexPage and ProjectPage (partners, goals, status, period)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.library import text_list_blocks
from resources.api_fields import RESOURCE_API_FIELDS
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class ProjectStatus(models.TextChoices):
    PLANNED = "planlagt", _("Planlagt")
    ACTIVE = "aktiv", _("Aktiv")
    COMPLETED = "avsluttet", _("Avsluttet")


class ProjectIndexPage(ListingPage):
    listing_type = "project"
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("prosjektoversikt")


class ProjectPage(ResourcePage):
    resource_type = ResourceType(
        key="project",
        label=_("Prosjekt"),
        section_label=_("Prosjekter"),
        index_model="projects.ProjectIndexPage",
        section_slug="prosjekter",
        icon="group",
        menu_order=70,
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.ACTIVE,
        help_text=_("Hvor prosjektet står nå."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("startår"), null=True, blank=True, help_text=_("Året prosjektet startet.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("sluttår"), null=True, blank=True, help_text=_("Året prosjektet avsluttes.")
    )
    partners = StreamField(
        text_list_blocks(_("Partner")),
        blank=True,
        verbose_name=_("partnere"),
        help_text=_("Sykehus, kommuner og andre som deltar."),
    )
    goals = StreamField(
        text_list_blocks(_("Mål")),
        blank=True,
        verbose_name=_("mål"),
        help_text=_("Prosjektets hovedmål, ett per linje."),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("partners"),
                FieldPanel("goals"),
            ],
            heading=_("Om prosjektet"),
        )
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("partners"),
        index.SearchField("goals"),
        index.FilterField("status"),
    ]
    api_fields = [
        *RESOURCE_API_FIELDS,
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("prosjekt")
        verbose_name_plural = _("prosjekter")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Sluttåret kan ikke være før startåret.")})

    @property
    def period(self):
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or self.end_year or "")
