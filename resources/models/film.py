"""Films: FilmIndexPage and FilmPage (video link, captions, transcript)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType


class FilmIndexPage(ListingPage):
    listing_type = "film"
    subpage_types = ["resources.FilmPage"]

    class Meta:
        verbose_name = _("filmoversikt")


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

    video_url = models.URLField(
        _("lenke til filmen"),
        help_text=_("Adressen til filmen (videotjeneste eller videofil)."),
    )
    duration_seconds = models.PositiveIntegerField(
        _("varighet (sekunder)"), null=True, blank=True, help_text=_("Filmens lengde.")
    )
    has_captions = models.BooleanField(
        _("har teksting"),
        default=False,
        help_text=_("Kryss av når filmen er tekstet (påkrevd etter WCAG 2.1 AA)."),
    )
    transcript = models.TextField(
        _("transkripsjon"),
        blank=True,
        help_text=_("Teksten i filmen, for dem som ikke kan se eller høre den."),
    )

    edit_handler = resource_edit_handler(
        MultiFieldPanel(
            [
                FieldPanel("video_url"),
                FieldPanel("duration_seconds"),
                FieldPanel("has_captions"),
                FieldPanel("transcript"),
            ],
            heading=_("Film"),
        )
    )
    search_fields = [*ResourcePage.search_fields, index.SearchField("transcript")]
    parent_page_types = ["resources.FilmIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("filmer")
