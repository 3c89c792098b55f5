"""E-courses: CourseIndexPage ("E-kurs") and CoursePage.

A course is taken elsewhere (a link), in the portal (lesson child pages and an exam), or as a
SCORM package played in the portal. What taking it involves lives in the courses app; the
page holds the editor's choices and routes the exam and the player to it.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from courses import exam as exam_views
from courses.blocks import exam_blocks
from courses.lessons import lessons_of
from courses.scorm import views as scorm_views
from resources.api_fields import RESOURCE_API_FIELDS, computed
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


class Delivery(models.TextChoices):
    EXTERNAL = "ekstern", _("Lenke til kurset et annet sted")
    LESSONS = "leksjoner", _("Leksjoner og eksamen i portalen")
    SCORM = "scorm", _("SCORM-pakke spilt av i portalen")


class CoursePage(RoutablePageMixin, ResourcePage):
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
        help_text=_(
            "For kurs et annet sted: kryss av hvis deltakerne får kursbevis der etter bestått "
            "test. Kurs i portalen har test når de har eksamensspørsmål."
        ),
    )
    course_url = models.URLField(
        _("lenke til kurset"),
        blank=True,
        help_text=_("Adressen der kurset tas, f.eks. i en læringsplattform."),
    )
    delivery = models.CharField(
        _("hvor kurset tas"),
        max_length=20,
        choices=Delivery.choices,
        default=Delivery.EXTERNAL,
        help_text=_(
            "Leksjoner i portalen legges til som undersider av kurset; en SCORM-pakke lastes "
            "opp under Kurs > SCORM-pakker."
        ),
    )
    exam_questions = StreamField(
        exam_blocks(),
        blank=True,
        verbose_name=_("eksamensspørsmål"),
        help_text=_(
            "Spørsmålene i den avsluttende eksamenen. Merk alle riktige svaralternativer; "
            "deltakeren får vite hvor mange som er riktige."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("grense for bestått (prosent)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Andelen riktige svar som trengs for å bestå, også for SCORM-pakker."),
    )
    shuffle_questions = models.BooleanField(
        _("stokk spørsmålene"),
        default=True,
        help_text=_("Spørsmål og svaralternativer kommer i ny rekkefølge for hvert forsøk."),
    )
    certificate_valid_years = models.PositiveSmallIntegerField(
        _("kursbevis gyldig i (år)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Tomt betyr at kursbeviset ikke utløper."),
    )
    scorm_package = models.ForeignKey(
        "courses.ScormPackage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        verbose_name=_("SCORM-pakke"),
        help_text=_(
            "Pakken kurset spiller av når det tas som SCORM-pakke. Last opp nye pakker under "
            "Kurs > SCORM-pakker."
        ),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldPanel("course_format"),
                FieldPanel("duration_minutes"),
                FieldPanel("provider"),
                FieldPanel("delivery"),
                FieldPanel("course_url"),
                FieldPanel("has_exam"),
                FieldPanel("scorm_package"),
            ],
            heading=_("Om kurset"),
        ),
        extra_tabs=[
            ObjectList(
                [
                    FieldPanel("exam_questions"),
                    FieldPanel("pass_mark"),
                    FieldPanel("shuffle_questions"),
                    FieldPanel("certificate_valid_years"),
                ],
                heading=_("Eksamen og kursbevis"),
            )
        ],
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("provider"),
        index.FilterField("course_format"),
    ]
    api_fields = [
        *RESOURCE_API_FIELDS,
        APIField("course_format"),
        APIField("duration_minutes"),
        APIField("provider"),
        APIField("delivery"),
        APIField("course_url"),
        computed("offers_certificate", {"type": "boolean"}),
    ]
    parent_page_types = ["resources.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("e-kurs")
        verbose_name_plural = _("e-kurs")

    def clean(self):
        super().clean()
        if self.delivery == Delivery.SCORM and not self.scorm_package_id:
            raise ValidationError({"scorm_package": _("Velg SCORM-pakken kurset skal spille av.")})

    @property
    def taken_here(self):
        return self.delivery in (Delivery.LESSONS, Delivery.SCORM)

    @property
    def package_to_play(self):
        """The SCORM package the player plays, or None when the course is not one."""
        return self.scorm_package if self.delivery == Delivery.SCORM else None

    @property
    def offers_exam(self):
        return self.delivery == Delivery.LESSONS and len(self.exam_questions) > 0

    @property
    def offers_certificate(self):
        if self.delivery == Delivery.EXTERNAL:
            return self.has_exam
        return self.delivery == Delivery.SCORM or self.offers_exam

    def lessons(self):
        return lessons_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.delivery == Delivery.LESSONS:
            context["lessons"] = self.lessons()
        return context

    @path("eksamen/", name="exam")
    def exam(self, request):
        return exam_views.exam(request, self)

    @path("scorm/", name="scorm_player")
    def scorm_player(self, request):
        return scorm_views.player(request, self)

    @path("scorm/resultat/", name="scorm_result")
    def scorm_result(self, request):
        return scorm_views.result(request, self)
