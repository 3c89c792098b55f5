"""Kurs og møteplasser: EventIndexPage (upcoming first) and EventPage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.models.queryset import EventPageManager
from resources.registry import ResourceType

PAST_PARAMETER = "tidligere"


class EventIndexPage(ListingPage):
    listing_type = "event"
    subpage_types = ["resources.EventPage"]

    class Meta:
        verbose_name = _("arrangementsoversikt")

    def filter_listing(self, queryset, request):
        if request.GET.get(PAST_PARAMETER):
            return queryset.past().order_by("-start")
        return queryset.upcoming()


class EventPage(ResourcePage):
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

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("online"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldPanel("registration_url"),
                FieldPanel("organiser"),
            ],
            heading=_("Tid, sted og påmelding"),
        )
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.FilterField("start"),
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
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()
