"""Podcasts: PodcastIndexPage → PodcastSeriesPage (with its feed) → PodcastEpisodePage
(season and number, uploaded audio or an address, transcript)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from blocks.library import text_list_blocks
from playback import probe
from resources import podcasts
from resources.api_fields import RESOURCE_API_FIELDS, AbsoluteUrlField
from resources.media_paths import audio_path
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class PodcastIndexPage(ListingPage):
    listing_type = "podcast_series"
    subpage_types = ["resources.PodcastSeriesPage"]

    class Meta:
        verbose_name = _("podkastoversikt")


# Apple Podcasts' categories that fit the portal: (category, subcategory).
class PodcastCategory(models.TextChoices):
    MEDICINE = "Health & Fitness/Medicine", _("Helse: medisin")
    MENTAL_HEALTH = "Health & Fitness/Mental Health", _("Helse: psykisk helse")
    HEALTH = "Health & Fitness", _("Helse")
    EDUCATION = "Education", _("Utdanning")
    COURSES = "Education/Courses", _("Utdanning: kurs")
    SCIENCE = "Science/Life Sciences", _("Vitenskap: livsvitenskap")


COVER_SIZE = 1400  # Apple: square artwork of 1400–3000 pixels


class PodcastSeriesPage(RoutablePageMixin, ResourcePage):
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

    author = models.CharField(
        _("avsender"),
        max_length=200,
        blank=True,
        help_text=_("Hvem podkasten er fra, slik podkastappene viser det. Tomt: området."),
    )
    contact_email = models.EmailField(
        _("kontaktadresse for podkastkataloger"),
        blank=True,
        help_text=_("E-postadressen Apple Podcasts og andre kataloger bekrefter eierskap med."),
    )
    category = models.CharField(
        _("kategori i podkastappene"),
        max_length=60,
        choices=PodcastCategory.choices,
        default=PodcastCategory.MEDICINE,
        help_text=_("Hvor serien står i podkastappenes kataloger."),
    )
    explicit = models.BooleanField(
        _("grovt språk eller innhold"),
        default=False,
        help_text=_("Podkastappene merker serien med «E» når dette er krysset av."),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("omslag i podkastappene"),
        help_text=_(
            "Kvadratisk, minst 1400 × 1400 piksler (kravet til Apple Podcasts). Tomt: "
            "listebildet brukes, beskåret til kvadrat."
        ),
    )
    apple_podcasts_url = models.URLField(
        _("lenke i Apple Podcasts"),
        blank=True,
        help_text=_("Seriens side i Apple Podcasts, når den er meldt inn der."),
    )
    spotify_url = models.URLField(
        _("lenke i Spotify"),
        blank=True,
        help_text=_("Seriens side i Spotify, når den er meldt inn der."),
    )

    edit_handler = resource_edit_handler(
        extra_tabs=[
            ObjectList(
                [
                    FieldPanel("author"),
                    FieldPanel("contact_email"),
                    FieldPanel("cover"),
                    FieldPanel("category"),
                    FieldPanel("explicit"),
                    FieldPanel("apple_podcasts_url"),
                    FieldPanel("spotify_url"),
                ],
                heading=_("Podkastapper"),
                help_text=_("Serien har en egen strøm (RSS) som podkastappene abonnerer på."),
            )
        ]
    )
    api_fields = [
        *RESOURCE_API_FIELDS,
        APIField("author"),
        APIField("category"),
        APIField("explicit"),
        APIField("feed_url", serializer=AbsoluteUrlField(podcasts.feed_path)),
        APIField("apple_podcasts_url"),
        APIField("spotify_url"),
    ]
    parent_page_types = ["resources.PodcastIndexPage"]
    subpage_types = ["resources.PodcastEpisodePage"]

    class Meta:
        verbose_name = _("podkastserie")
        verbose_name_plural = _("podkastserier")

    def clean(self):
        super().clean()
        cover = self.cover
        if cover and (min(cover.width, cover.height) < COVER_SIZE or cover.width != cover.height):
            raise ValidationError(
                {
                    "cover": _(
                        "Omslaget må være kvadratisk og minst %(size)d × %(size)d piksler for "
                        "at podkastappene skal vise det."
                    )
                    % {"size": COVER_SIZE}
                }
            )

    def episodes(self):
        """The published episodes, newest season and episode first."""
        return (
            PodcastEpisodePage.objects.child_of(self)
            .listed(self.locale)  # with what cards need, fetched up front
            .order_by(
                models.F("season_number").desc(nulls_last=True),
                models.F("episode_number").desc(nulls_last=True),
                "-date",
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seasons"] = podcasts.by_season(self.episodes())
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        return podcasts.feed_response(request, self)


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

    season_number = models.PositiveIntegerField(
        _("sesong"), null=True, blank=True, help_text=_("Tomt for serier uten sesonger.")
    )
    episode_number = models.PositiveIntegerField(
        _("episodenummer"),
        null=True,
        blank=True,
        help_text=_("Nummeret i sesongen (eller i serien, uten sesonger)."),
    )
    duration_seconds = models.PositiveIntegerField(
        _("varighet (sekunder)"),
        null=True,
        blank=True,
        help_text=_("Episodens lengde. Tomt for en opplastet fil: den leses fra filen."),
    )
    audio = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lydfil"),
        help_text=_("Last opp lydfilen (MP3 eller M4A), eller oppgi en adresse under."),
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
    transcript = models.TextField(
        _("transkripsjon"),
        blank=True,
        help_text=_("Alt som blir sagt i episoden, for dem som ikke kan høre den."),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("season_number"), FieldPanel("episode_number")]),
                MediaChooserPanel("audio", media_type="audio"),
                FieldPanel("audio_url"),
                FieldPanel("duration_seconds"),
                FieldPanel("guests"),
            ],
            heading=_("Episode"),
        ),
        FieldPanel("transcript"),
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("guests"),
        index.SearchField("transcript"),
    ]
    api_fields = [
        *RESOURCE_API_FIELDS,
        APIField("season_number"),
        APIField("episode_number"),
        APIField("duration_seconds"),
        APIField("audio_url", serializer=AbsoluteUrlField(lambda episode: episode.audio_src)),
    ]
    api_related = ("audio",)
    parent_page_types = ["resources.PodcastSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podkastepisode")
        verbose_name_plural = _("podkastepisoder")

    def clean(self):
        super().clean()
        if not self.audio_id and not self.audio_url:
            message = _("Episoden trenger en lydfil eller en lydadresse.")
            raise ValidationError({"audio": message, "audio_url": message})

    def save(self, *args, **kwargs):
        if self.audio_id and not self.duration_seconds:
            self.duration_seconds = probe.duration_seconds(self.audio.file)
        return super().save(*args, **kwargs)

    @property
    def audio_src(self):
        """Where players fetch the sound: the portal's own seekable address for an uploaded
        file, or the address elsewhere."""
        if self.audio_id:
            return audio_path(self)
        return self.audio_url

    @property
    def series(self):
        return self.get_parent().specific

    @property
    def numbering(self):
        """ "Sesong 10, E8", "Episode 8" or "" (how apps and the portal label an episode)."""
        return podcasts.numbering(self.season_number, self.episode_number)
