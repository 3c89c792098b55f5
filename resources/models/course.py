"""E-courses: CourseIndexPage ("E-kurs") and CoursePage."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class CourseFormat(models.TextChoices):
    E_LEARNING = "e-læring", _("E-læring")
    CLASSROOM = "klasserom", _("Klasserom")
    WEBINAR = "webinar", _("Webinar")
    VIDEO = "videokurs", _("Videokurs")


class CourseIndexPage(ListingPage):
    listing_type = "course"
    subpage_types = ["resources.CoursePage"]

    class Meta:
        verbose_name = _("kursoversikt")


class CoursePage(ResourcePage):
    resource_type = ResourceType(
        key="course",
        label=_("E-kurs"),
        section_label=_("E-kurs"),
        index_model="resources.CourseIndexPage",
        section_slug="e-kurs",
        icon="desktop",
        menu_order=20,
        query_words=("kurs", "ekurs", "elaering"),
    )

    duration_minutes = models.PositiveIntegerField(
        _("varighet (minutter)"),
        null=True,
        blank=True,
        help_text=_("Omtrentlig tid det tar å gjennomføre kurset."),
    )
    provider = models.CharField(
        _("tilbyder"),
        max_length=200,
        blank=True,
        help_text=_("Hvem som har laget eller holder kurset."),
    )
    course_format = models.CharField(
        _("format"),
        max_length=20,
        choices=CourseFormat.choices,
        default=CourseFormat.E_LEARNING,
        help_text=_("Hvordan kurset gjennomføres."),
    )
    has_exam = models.BooleanField(
        _("har avsluttende test"),
        default=False,
        help_text=_("Kryss av hvis deltakerne får kursbevis etter bestått test."),
    )
    course_url = models.URLField(
        _("lenke til kurset"),
        blank=True,
        help_text=_("Adressen der kurset tas, f.eks. i en læringsplattform."),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldPanel("course_format"),
                FieldPanel("duration_minutes"),
                FieldPanel("provider"),
                FieldPanel("has_exam"),
                FieldPanel("course_url"),
            ],
            heading=_("Om kurset"),
        )
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("provider"),
        index.FilterField("course_format"),
    ]
    parent_page_types = ["resources.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("e-kurs")
        verbose_name_plural = _("e-kurs")
