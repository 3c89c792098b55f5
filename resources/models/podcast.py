"""Podcasts: PodcastIndexPage → PodcastSeriesPage → PodcastEpisodePage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.library import text_list_blocks
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class PodcastIndexPage(ListingPage):
    listing_type = "podcast_series"
    subpage_types = ["resources.PodcastSeriesPage"]

    class Meta:
        verbose_name = _("podkastoversikt")


class PodcastSeriesPage(ResourcePage):
    resource_type = ResourceType(
        key="podcast_series",
        label=_("Podkastserie"),
        section_label=_("Podkaster"),
        index_model="resources.PodcastIndexPage",
        section_slug="podkast",
        icon="microphone",
        menu_order=40,
    )
    listing_ordering = ("title",)

    edit_handler = resource_edit_handler()
    parent_page_types = ["resources.PodcastIndexPage"]
    subpage_types = ["resources.PodcastEpisodePage"]

    class Meta:
        verbose_name = _("podkastserie")
        verbose_name_plural = _("podkastserier")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = (
            PodcastEpisodePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-episode_number", "-date")
        )
        return context


class PodcastEpisodePage(ResourcePage):
    resource_type = ResourceType(
        key="podcast_episode",
        label=_("Podkastepisode"),
        section_label=_("Podkastepisoder"),
        index_model="resources.PodcastIndexPage",
        section_slug="podkast",
        icon="microphone",
        query_words=("podkast", "podcast"),
    )

    episode_number = models.PositiveIntegerField(
        _("episodenummer"), null=True, blank=True, help_text=_("Nummeret i serien.")
    )
    duration_seconds = models.PositiveIntegerField(
        _("varighet (sekunder)"), null=True, blank=True, help_text=_("Episodens lengde.")
    )
    audio_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lydfil"),
        help_text=_("Last opp lydfilen (MP3/M4A), eller oppgi en adresse under."),
    )
    audio_url = models.URLField(
        _("lydadresse"),
        blank=True,
        help_text=_("Adressen til lydfilen hvis den ligger hos en annen tjeneste."),
    )
    guests = StreamField(
        text_list_blocks(_("Gjest (rolle)")),
        blank=True,
        verbose_name=_("gjester"),
        help_text=_("Gjestenes roller, f.eks. «kommuneoverlege»."),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldPanel("episode_number"),
                FieldPanel("duration_seconds"),
                FieldPanel("audio_file"),
                FieldPanel("audio_url"),
                FieldPanel("guests"),
            ],
            heading=_("Episode"),
        )
    )
    search_fields = [*ResourcePage.search_fields, index.SearchField("guests")]
    parent_page_types = ["resources.PodcastSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podkastepisode")
        verbose_name_plural = _("podkastepisoder")

    def clean(self):
        super().clean()
        if not self.audio_file_id and not self.audio_url:
            message = _("Episoden trenger en lydfil eller en lydadresse.")
            raise ValidationError({"audio_file": message, "audio_url": message})

    @property
    def audio_src(self):
        return self.audio_file.url if self.audio_file_id else self.audio_url

    @property
    def series(self):
        return self.get_parent().specific
