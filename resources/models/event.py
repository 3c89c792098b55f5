"""Kurs og møteplasser: EventIndexPage (upcoming first) and EventPage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from registrations import views as registration_views
from resources.api_fields import RESOURCE_API_FIELDS
from resources.filters import PAST_PARAMETER
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.models.queryset import EventPageManager
from resources.registry import ResourceType


class EventIndexPage(ListingPage):
    listing_type = "event"
    subpage_types = ["resources.EventPage"]

    class Meta:
        verbose_name = _("arrangementsoversikt")

    def filter_listing(self, queryset, request):
        if request.GET.get(PAST_PARAMETER):
            return queryset.past().order_by("-start")
        return queryset.upcoming()


class EventPage(RoutablePageMixin, ResourcePage):
    resource_type = ResourceType(
        key="event",
        label=_("Kurs og møteplass"),
        section_label=_("Kurs og møteplasser"),
        index_model="resources.EventIndexPage",
        section_slug="kurs-og-moteplasser",
        icon="date",
        menu_order=60,
        query_words=("webinar", "fagdag", "konferanse"),
    )
    listing_ordering = ("start", "pk")
    objects = EventPageManager()
    page_view_related = {
        **ResourcePage.page_view_related,
        "select": [*ResourcePage.page_view_related["select"], "network"],
    }

    start = models.DateTimeField(_("starter"), help_text=_("Dato og klokkeslett."))
    end = models.DateTimeField(
        _("slutter"), null=True, blank=True, help_text=_("Tomt hvis bare starttid er kjent.")
    )
    location = models.CharField(
        _("sted"),
        max_length=255,
        blank=True,
        help_text=_("Adresse eller «Digitalt (Teams)»."),
    )
    online = models.BooleanField(
        _("digitalt"), default=False, help_text=_("Kryss av hvis arrangementet er digitalt.")
    )
    registration_deadline = models.DateField(
        _("påmeldingsfrist"), null=True, blank=True, help_text=_("Siste dag for påmelding.")
    )
    registration_url = models.URLField(
        _("påmeldingslenke"), blank=True, help_text=_("Skjemaet deltakerne melder seg på i.")
    )
    capacity = models.PositiveIntegerField(
        _("antall plasser"), null=True, blank=True, help_text=_("Tomt betyr ubegrenset.")
    )
    organiser = models.CharField(
        _("arrangør"), max_length=200, blank=True, help_text=_("Hvem som står bak.")
    )
    registration_open = models.BooleanField(
        _("påmelding i portalen"),
        default=False,
        help_text=_(
            "Deltakerne melder seg på her, med venteliste når plassene er tatt. Påmeldingen "
            "stenger ved fristen (eller når arrangementet starter)."
        ),
    )
    ask_dietary = models.BooleanField(
        _("spør om allergier og matbehov"),
        default=False,
        help_text=_("Legger til et valgfritt felt i påmeldingen."),
    )
    ask_profession = models.BooleanField(
        _("spør om yrke"), default=False, help_text=_("Legger til et valgfritt felt.")
    )
    network = models.ForeignKey(
        "resources.NetworkPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("møte i kompetansenettverk"),
        help_text=_(
            "Velg nettverket hvis arrangementet er et av nettverkets møter. Det vises da på "
            "nettverkets side."
        ),
    )
    meeting_url = models.URLField(
        _("lenke til møtet"),
        blank=True,
        help_text=_(
            "For digitale arrangementer: sendes bare til bekreftede deltakere på e-post, vises "
            "aldri på siden."
        ),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("online"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldPanel("registration_url"),
                FieldPanel("organiser"),
                FieldPanel("network"),
            ],
            heading=_("Tid, sted og påmelding"),
        ),
        extra_tabs=[
            ObjectList(
                [
                    FieldPanel("registration_open"),
                    FieldPanel("ask_dietary"),
                    FieldPanel("ask_profession"),
                    FieldPanel("meeting_url"),
                ],
                heading=_("Påmelding i portalen"),
            )
        ],
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.FilterField("start"),
    ]
    # Not meeting_url: it is sent only to confirmed participants.
    api_fields = [
        *RESOURCE_API_FIELDS,
        APIField("start"),
        APIField("end"),
        APIField("location"),
        APIField("online"),
        APIField("organiser"),
        APIField("registration_deadline"),
        APIField("registration_url"),
        APIField("registration_open"),
        APIField("capacity"),
    ]
    parent_page_types = ["resources.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Slutt kan ikke være før start.")
        if (
            self.start
            and self.registration_deadline
            and self.registration_deadline > timezone.localtime(self.start).date()
        ):
            errors["registration_deadline"] = _("Påmeldingsfristen må være før arrangementet.")
        if self.registration_open and self.registration_url:
            errors["registration_url"] = _(
                "Påmeldingen skjer i portalen: fjern lenken til det andre påmeldingsskjemaet."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.registration_open:
            context.update(registration_views.context(self))
        return context

    @path("pamelding/", name="register")
    def register(self, request):
        return registration_views.register(request, self)
