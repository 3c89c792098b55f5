"""HomePage (national front page), RegionPage (a region's front page) and StandardPage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from blocks.library import body_blocks
from home.frontpage import front_page_context, region_page_context
from home.routing import route_below
from regions.locales import active_locale, attach_locale
from resources.registry import section_index_models
from resources.restrictions import CachedViewRestrictionsMixin


class HomePage(CachedViewRestrictionsMixin, Page):
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
    max_count_per_parent = 1

    @classmethod
    def clean_subpage_models(cls):
        # Wagtail's hook behind subpage_types: the sections come from the type registry, so
        # a new resource type needs no change here.
        return [RegionPage, StandardPage, *section_index_models()]

    class Meta:
        verbose_name = _("forside")

    @property
    def localized(self):
        # Wagtail routes every request from the site's front page in the visitor's language:
        # this one when that is its own (from the cached locales), else Wagtail's lookup.
        try:
            if active_locale().pk == self.locale_id:
                return self
        except Locale.DoesNotExist:
            return self
        return super().localized

    def route(self, request, path_components):
        # Every page of the site is routed from here: in two queries (home/routing.py).
        if path_components:
            return route_below(self, request, path_components)
        attach_locale(self)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region_pages = RegionPage.objects.child_of(self).live().select_related("region")
        context.update(front_page_context(request, self, region_pages))
        return context


class RegionPage(CachedViewRestrictionsMixin, Page):
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        # regions.lookup.region_for finds a page's owner through this relation.
        related_name="region_pages",
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
    # Found by its region's name too ("Innlandet" finds "Helsefellesskap Innlandet").
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("region", [index.SearchField("name")]),
    ]

    parent_page_types = ["home.HomePage"]
    # What its page view reads besides its own row (fetched with it: home/routing.py).
    page_view_related = {"select": ["region"]}

    @classmethod
    def clean_subpage_models(cls):
        # As on HomePage: the region's sections come from the type registry.
        return [*section_index_models(regional=True), StandardPage]

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


class StandardPage(CachedViewRestrictionsMixin, Page):
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
