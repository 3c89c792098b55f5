"""Fagtema: ThemeIndexPage and ThemePage (one per Topic, curated + automatic resource lists)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField

from resources.api_fields import RESOURCE_API_FIELDS, TermField
from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.registry import ResourceType
from resources.themes import theme_context


class ThemeIndexPage(ListingPage):
    listing_type = "theme"
    per_page = 50
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ThemePage"]

    class Meta:
        verbose_name = _("temaoversikt")


class ThemePage(ResourcePage):
    resource_type = ResourceType(
        key="theme",
        label=_("Fagtema"),
        section_label=_("Fagtema"),
        index_model="resources.ThemeIndexPage",
        section_slug="fagtema",
        icon="tag",
        regional=False,
        menu_order=10,
    )
    listing_ordering = ("title",)
    page_view_related = {
        **ResourcePage.page_view_related,
        "select": [*ResourcePage.page_view_related["select"], "topic"],
    }

    topic = models.ForeignKey(
        "resources.Topic",
        on_delete=models.PROTECT,
        related_name="theme_pages",
        verbose_name=_("fagtema"),
        help_text=_("Temasiden samler automatisk alle ressurser med dette fagtemaet."),
    )
    featured = StreamField(
        [
            (
                "resource",
                blocks.PageChooserBlock(page_type="resources.ResourcePage", label=_("Ressurs")),
            )
        ],
        blank=True,
        verbose_name=_("utvalgte ressurser"),
        help_text=_("Håndplukkede ressurser som vises øverst, før de automatiske listene."),
    )

    edit_handler = resource_edit_handler(FieldPanel("topic"), FieldPanel("featured"))
    api_fields = [*RESOURCE_API_FIELDS, APIField("topic", serializer=TermField())]
    api_related = ("topic",)
    parent_page_types = ["resources.ThemeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("temaside")
        verbose_name_plural = _("temasider")

    def clean(self):
        super().clean()
        if self.topic_id:
            taken = (
                ThemePage.objects.filter(topic_id=self.topic_id, locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .exists()
            )
            if taken:
                raise ValidationError({"topic": _("Dette fagtemaet har allerede en temaside.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(theme_context(request, self))
        return context
