"""Films: FilmIndexPage, FilmSeriesPage (a numbered set in tree order) and FilmPage (an
uploaded video file or a link to a video service, caption files and a transcript)."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from playback import probe, webvtt
from resources import films
from resources.api_fields import RESOURCE_API_FIELDS, AbsoluteUrlField, computed
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType
from resources.restrictions import CachedViewRestrictionsMixin


class FilmIndexPage(ListingPage):
    listing_type = "film"
    subpage_types = ["resources.FilmPage", "resources.FilmSeriesPage"]

    class Meta:
        verbose_name = _("filmoversikt")


class FilmSeriesPage(CachedViewRestrictionsMixin, Page):
    """A numbered set of films (e.g. simulation films), shown in the order of the tree."""

    intro = RichTextField(
        _("innledning"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Hva serien handler om, og hvem den er laget for."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bilde"),
        help_text=_("Vises øverst på seriens side. Husk alternativ tekst på bildet."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("image")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["resources.FilmIndexPage"]
    subpage_types = ["resources.FilmPage"]

    class Meta:
        verbose_name = _("filmserie")
        verbose_name_plural = _("filmserier")

    def films(self):
        """The series' published films, in the order editors gave them in the tree."""
        return FilmPage.objects.child_of(self).listed(self.locale).order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["films"] = list(self.films())
        return context


class CaptionLanguage(models.TextChoices):
    BOKMAL = "nb", _("Norsk (bokmål)")
    NYNORSK = "nn", _("Norsk (nynorsk)")
    NORTHERN_SAMI = "se", _("Nordsamisk")
    ENGLISH = "en", _("Engelsk")


class FilmPage(ResourcePage):
    resource_type = ResourceType(
        key="film",
        label=_("Film"),
        section_label=_("Filmer"),
        index_model="resources.FilmIndexPage",
        section_slug="film",
        icon="media",
        menu_order=30,
        query_words=("film", "video"),
    )
    # Its captions are read twice a page view (the player's tracks, the structured data).
    page_view_related = {
        **ResourcePage.page_view_related,
        "prefetch": [*ResourcePage.page_view_related["prefetch"], "captions"],
    }

    video = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("videofil"),
        help_text=_("Last opp filmen (MP4 eller WebM), eller oppgi en lenke under."),
    )
    video_url = models.URLField(
        _("lenke til filmen"),
        blank=True,
        help_text=_("Adressen til filmen hos en videotjeneste (YouTube, Vimeo) eller en videofil."),
    )
    duration_seconds = models.PositiveIntegerField(
        _("varighet (sekunder)"),
        null=True,
        blank=True,
        help_text=_("Filmens lengde. Tomt for en opplastet fil: den leses fra filen."),
    )
    has_captions = models.BooleanField(
        _("tekstet hos videotjenesten"),
        default=False,
        help_text=_(
            "For filmer hos en videotjeneste: kryss av når filmen er tekstet der. Opplastede "
            "filmer tekstes med tekstingsfiler under."
        ),
    )
    transcript = models.TextField(
        _("transkripsjon"),
        blank=True,
        help_text=_(
            "Alt som blir sagt og vist i filmen, for dem som ikke kan se eller høre den. "
            "Vises under filmen."
        ),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                MediaChooserPanel("video", media_type="video"),
                FieldPanel("video_url"),
                FieldPanel("duration_seconds"),
                FieldPanel("has_captions"),
            ],
            heading=_("Film"),
        ),
        InlinePanel(
            "captions",
            heading=_("Teksting (WebVTT)"),
            label=_("Tekstingsfil"),
            help_text=_(
                "Én WebVTT-fil (.vtt) per språk. Teksting er påkrevd etter "
                "forskrift om universell utforming (WCAG 2.1 AA)."
            ),
        ),
        FieldPanel("transcript"),
    )
    search_fields = [*ResourcePage.search_fields, index.SearchField("transcript")]
    api_fields = [
        *RESOURCE_API_FIELDS,
        APIField("video_url", serializer=AbsoluteUrlField(films.video_src)),
        APIField("duration_seconds"),
        computed("captioned", {"type": "boolean"}),
    ]
    api_related = ("video", "captions")
    parent_page_types = ["resources.FilmIndexPage", "resources.FilmSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("filmer")

    def clean(self):
        super().clean()
        if not self.video_id and not self.video_url:
            message = _("Filmen trenger en videofil eller en lenke.")
            raise ValidationError({"video": message, "video_url": message})

    def save(self, *args, **kwargs):
        if self.video_id and not self.duration_seconds:
            self.duration_seconds = probe.duration_seconds(self.video.file)
        return super().save(*args, **kwargs)

    @property
    def captioned(self):
        """Captions the visitor can turn on: caption files, or the video service's own."""
        if self.video_id:
            return bool(self.captions.all())  # fetched with the film in lists (api_related)
        return self.has_captions

    def missing_for_accessibility(self):
        """What the film still lacks to be usable by everyone: ["teksting", "transkripsjon"]."""
        missing = []
        if not self.captioned:
            missing.append(_("teksting"))
        if not self.transcript.strip():
            missing.append(_("transkripsjon"))
        return missing

    @property
    def in_series(self):
        parent = self.get_parent()
        return parent.specific if parent and parent.specific_class is FilmSeriesPage else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["video_source"] = films.video_source(self)
        context["tracks"] = films.caption_tracks(self)
        context["series_place"] = films.series_place(self)
        return context


def validate_webvtt(file):
    try:
        file.open("rb")
        file.seek(0)
        webvtt.parse(file.read(webvtt.MAX_BYTES + 1))
    except webvtt.InvalidWebVTT as error:
        raise ValidationError(str(error)) from None
    finally:
        file.seek(0)


class FilmCaption(Orderable):
    film = ParentalKey(
        FilmPage,
        on_delete=models.CASCADE,
        related_name="captions",
        help_text=_("Filmen tekstingen hører til."),
    )
    language = models.CharField(
        _("språk"),
        max_length=5,
        choices=CaptionLanguage.choices,
        default=CaptionLanguage.BOKMAL,
        help_text=_("Språket i tekstingen. Én fil per språk."),
    )
    file = models.FileField(
        _("WebVTT-fil"),
        upload_to="teksting",
        validators=[FileExtensionValidator(["vtt"]), validate_webvtt],
        help_text=_("Tekstingsfilen fra tekstingsverktøyet, i formatet WebVTT (.vtt)."),
    )

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("tekstingsfil")
        verbose_name_plural = _("tekstingsfiler")
        constraints = [
            models.UniqueConstraint(fields=["film", "language"], name="one_caption_per_language")
        ]
