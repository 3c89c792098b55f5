"""HomePage (national front page), RegionPage (a region's front page) and StandardPage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField

from blocks.library import body_blocks
from home.frontpage import front_page_context
from home.region_blocks import layout_blocks, link_blocks
from home.region_layout import default_layout, region_page_context
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
    """A region's front page and its profile: presentation, logo, contact details, local
    links for the menu and footer, and the layout of its lists. The region's own team edits
    it (page permissions on its subtree), with revisions, moderation, preview and
    translation; docs/operations/region-profiles.md says why the profile lives here."""

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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Helsefellesskapets logo, vist på områdesiden og i bunnteksten."),
    )
    contact_email = models.EmailField(
        _("e-post"), blank=True, help_text=_("Adressen besøkende kan skrive til redaksjonen på.")
    )
    contact_phone = models.CharField(
        _("telefon"), max_length=40, blank=True, help_text=_("F.eks. «+47 61 00 00 00».")
    )
    postal_address = models.TextField(
        _("postadresse"), blank=True, help_text=_("Én linje per adresselinje.")
    )
    visiting_address = models.TextField(
        _("besøksadresse"), blank=True, help_text=_("Én linje per adresselinje.")
    )
    layout = StreamField(
        layout_blocks(),
        blank=True,
        default=default_layout,
        verbose_name=_("oppsett"),
        help_text=_(
            "Listene på områdesiden, i den rekkefølgen de vises. Tomt oppsett viser "
            "standardoppsettet: Aktuelt, Kurs og møteplasser, E-kurs og Podkaster."
        ),
    )
    menu_links = StreamField(
        link_blocks(),
        blank=True,
        verbose_name=_("lenker i menyen"),
        help_text=_(
            "Lokale lenker i hovedmenyen på områdets sider og for besøkende som har valgt området."
        ),
    )
    footer_links = StreamField(
        link_blocks(),
        blank=True,
        verbose_name=_("lenker i bunnteksten"),
        help_text=_(
            "Lokale lenker i bunnteksten på områdets sider og for besøkende som har valgt området."
        ),
    )

    # Only those who may edit regions may move the page to another region.
    content_panels = [
        *Page.content_panels,
        FieldPanel("region", permission="regions.change_region"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    profile_panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
                FieldPanel("visiting_address"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("menu_links"),
        FieldPanel("footer_links"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innhold")),
            ObjectList(profile_panels, heading=_("Profil")),
            ObjectList([FieldPanel("layout")], heading=_("Oppsett")),
            ObjectList(Page.promote_panels, heading=_("Synlighet og SEO")),
            ObjectList(Page.settings_panels, heading=_("Innstillinger"), classname="settings"),
        ]
    )
    # Telephone numbers are the same in every language (e-mail addresses already are).
    override_translatable_fields = [SynchronizedField("contact_phone")]
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
