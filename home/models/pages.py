"""HomePage (national front page), RegionPage (a region's front page) and StandardPage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import body_blocks
from home.frontpage import front_page_context, region_page_context


class HomePage(Page):
    intro = RichTextField(
        _("ingress"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kort velkomsttekst øverst på forsiden."),
    )
    body = StreamField(
        body_blocks(),
        blank=True,
        verbose_name=_("innhold"),
        help_text=_("Sidens innhold: overskrifter, tekst, bilder, lenker og ressurslister."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.RegionPage",
        "home.StandardPage",
        "resources.ThemeIndexPage",
        "resources.CourseIndexPage",
        "resources.PodcastIndexPage",
        "resources.FilmIndexPage",
        "resources.ArticleIndexPage",
        "resources.NewsIndexPage",
        "resources.EventIndexPage",
        "projects.ProjectIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forside")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context(request, self))
        return context


class RegionPage(Page):
    region = models.ForeignKey(
        "home.Region",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("område"),
        help_text=_("Området denne forsiden tilhører. Alt under siden eies av området."),
    )
    intro = RichTextField(
        _("ingress"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kort presentasjon av helsefellesskapet."),
    )
    body = StreamField(
        body_blocks(),
        blank=True,
        verbose_name=_("innhold"),
        help_text=_("Sidens innhold: overskrifter, tekst, bilder, lenker og ressurslister."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("region"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "resources.NewsIndexPage",
        "resources.EventIndexPage",
        "resources.CourseIndexPage",
        "resources.ArticleIndexPage",
        "resources.FilmIndexPage",
        "resources.PodcastIndexPage",
        "projects.ProjectIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("områdeside")
        verbose_name_plural = _("områdesider")

    def clean(self):
        super().clean()
        if self.region_id:
            taken = RegionPage.objects.filter(region_id=self.region_id).exclude(pk=self.pk).exists()
            if taken:
                raise ValidationError({"region": _("Dette området har allerede en forside.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(region_page_context(request, self))
        return context


class StandardPage(Page):
    intro = models.TextField(
        _("ingress"), blank=True, help_text=_("En eller to setninger som oppsummerer siden.")
    )
    body = StreamField(
        body_blocks(),
        blank=True,
        verbose_name=_("innhold"),
        help_text=_("Sidens innhold: overskrifter, tekst, bilder, lenker og ressurslister."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = [
        "home.HomePage",
        "home.RegionPage",
        "home.StandardPage",
        "projects.ProjectPage",
    ]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
        verbose_name_plural = _("standardsider")
