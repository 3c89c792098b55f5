"""Kompetansenettverk: NetworkIndexPage and NetworkPage (e.g. a region's infection-control
network): its purpose, member organisations, contact people, meetings and resources.

Its meetings are events: an EventPage names the network it is a meeting of (EventPage.network),
so the network page lists them without editors keeping a second list.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from resources.models.base import ResourcePage, resource_edit_handler
from resources.models.index_page import ListingPage
from resources.networks import network_context
from resources.registry import ResourceType


class NetworkIndexPage(ListingPage):
    listing_type = "network"
    subpage_types = ["resources.NetworkPage"]

    class Meta:
        verbose_name = _("nettverksoversikt")


class NetworkPage(ResourcePage):
    resource_type = ResourceType(
        key="network",
        label=_("Kompetansenettverk"),
        section_label=_("Kompetansenettverk"),
        index_model="resources.NetworkIndexPage",
        section_slug="kompetansenettverk",
        icon="group",
        query_words=("kompetansenettverk", "fagnettverk"),
    )
    listing_ordering = ("title", "pk")
    # Its own topics come with its cards' (resources/networks.py), not with the page.
    page_view_related = {
        **ResourcePage.page_view_related,
        "prefetch": [
            name for name in ResourcePage.page_view_related["prefetch"] if name != "topics"
        ],
    }

    purpose = RichTextField(
        _("formål"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Hva nettverket skal oppnå, og hvem det er for."),
    )
    resources = StreamField(
        [
            (
                "resource",
                blocks.PageChooserBlock(page_type="resources.ResourcePage", label=_("Ressurs")),
            )
        ],
        blank=True,
        verbose_name=_("ressurser"),
        help_text=_("Kurs, filmer, artikler og annet nettverket anbefaler, i den rekkefølgen."),
    )

    edit_handler = resource_edit_handler(
        FieldPanel("purpose"),
        extra_tabs=[
            ObjectList(
                [
                    MultipleChooserPanel(
                        "members",
                        chooser_field_name="organisation",
                        heading=_("Medlemmer"),
                        label=_("Medlem"),
                        help_text=_("Organisasjonene som er med i nettverket."),
                    ),
                    InlinePanel(
                        "contacts",
                        heading=_("Kontaktpersoner"),
                        label=_("Kontaktperson"),
                        help_text=_(
                            "Vises på siden med navn, rolle, e-post og telefon. Be om samtykke "
                            "før du legger inn en person."
                        ),
                    ),
                ],
                heading=_("Medlemmer og kontakter"),
            ),
            ObjectList(
                [FieldPanel("resources")],
                heading=_("Ressurser"),
            ),
        ],
    )
    search_fields = [
        *ResourcePage.search_fields,
        index.SearchField("purpose"),
        index.RelatedFields(
            "members", [index.RelatedFields("organisation", [index.SearchField("name")])]
        ),
    ]
    parent_page_types = ["resources.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kompetansenettverk")
        verbose_name_plural = _("kompetansenettverk")

    def get_context(self, request, *args, **kwargs):
        shown = network_context(self)  # first: it fetches the page's topics with its cards'
        context = super().get_context(request, *args, **kwargs)
        context.update(shown)
        return context


class NetworkMember(Orderable):
    network = ParentalKey(
        NetworkPage,
        on_delete=models.CASCADE,
        related_name="members",
        help_text=_("Nettverket organisasjonen er medlem av."),
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organisasjon"),
        help_text=_("En organisasjon som er med i nettverket."),
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmer")


class NetworkContact(Orderable):
    network = ParentalKey(
        NetworkPage,
        on_delete=models.CASCADE,
        related_name="contacts",
        help_text=_("Nettverket personen er kontakt for."),
    )
    name = models.CharField(_("navn"), max_length=120, help_text=_("Fornavn og etternavn."))
    role = models.CharField(
        _("rolle"),
        max_length=150,
        blank=True,
        help_text=_("F.eks. «Leder av nettverket» eller «Smittevernsykepleier»."),
    )
    email = models.EmailField(_("e-post"), blank=True, help_text=_("Vises som lenke på siden."))
    phone = models.CharField(
        _("telefon"), max_length=30, blank=True, help_text=_("F.eks. «+47 400 00 000».")
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisasjon"),
        help_text=_("Hvor personen jobber."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("organisation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self):
        return self.name
