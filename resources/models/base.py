"""ResourcePage: what every resource (course, film, podcast, article, news …) carries once.

It is a concrete (multi-table) page model rather than an abstract one so that front pages,
theme pages and search can query all resource types in one query; editors cannot create it
directly.
"""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.library import body_blocks
from regions.lookup import region_for
from resources.api_fields import RESOURCE_API_FIELDS
from resources.models.queryset import ResourcePageManager
from resources.restrictions import CachedViewRestrictionsMixin
from resources.review import default_review_by, review_after_check


class ResourcePage(CachedViewRestrictionsMixin, Page):
    summary = models.TextField(
        _("sammendrag"),
        max_length=400,
        help_text=_("Vises i lister og søkeresultater. Én eller to setninger, maks 400 tegn."),
    )
    date = models.DateField(
        _("publiseringsdato"),
        default=timezone.localdate,
        help_text=_("Datoen som vises på siden og brukes til sortering."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listebilde"),
        help_text=_(
            "Vises på kort i lister og øverst på siden, med bildetekst og fotograf under. "
            "Husk alternativ tekst på bildet."
        ),
    )
    # The caption and credit belong to this use of the image (as in the body's image block):
    # the same photo can say different things on different pages, and the image model is
    # Wagtail's own (a custom one would mean moving every image and rendition).
    image_caption = models.CharField(
        _("bildetekst"),
        max_length=255,
        blank=True,
        help_text=_(
            "Vises under bildet på siden. Forklar hva bildet viser her; den alternative "
            "teksten for skjermlesere legges på selve bildet."
        ),
    )
    image_credit = models.CharField(
        _("fotograf"),
        max_length=255,
        blank=True,
        help_text=_("Hvem som har tatt bildet eller har rettighetene. Vises som «Foto: …»."),
    )
    body = StreamField(
        body_blocks(),
        blank=True,
        verbose_name=_("innhold"),
        help_text=_("Brødteksten: overskrifter, tekst, bilder, video, dokumenter og lenker."),
    )
    topics = ParentalManyToManyField(
        "resources.Topic",
        blank=True,
        related_name="resources",
        verbose_name=_("fagtema"),
        help_text=_("Fagtemaene ressursen hører til. Styrer temasider og filtre."),
    )
    audiences = ParentalManyToManyField(
        "resources.Audience",
        blank=True,
        related_name="resources",
        verbose_name=_("målgrupper"),
        help_text=_("Hvem ressursen er laget for."),
    )
    areas = ParentalManyToManyField(
        "regions.Region",
        blank=True,
        related_name="shared_resources",
        verbose_name=_("vises i områder"),
        help_text=_(
            "Områder ressursen også skal vises i. Eierområdet er alltid med. "
            "Nasjonalt innhold uten valgte områder vises i alle områder."
        ),
    )
    review_by = models.DateField(
        _("gjennomgås innen"),
        null=True,
        blank=True,
        default=default_review_by,
        help_text=_(
            "Når innholdet bør gjennomgås faglig igjen. Sider som har passert datoen, vises i "
            "rapporten «Faglig gjennomgang». Vises ikke for besøkende. La stå tom hvis "
            "innholdet ikke trenger gjennomgang."
        ),
    )
    last_reviewed = models.DateField(
        _("sist faglig oppdatert"),
        null=True,
        blank=True,
        help_text=_(
            "Datoen innholdet sist ble gjennomgått faglig. Vises på siden. Har "
            "«gjennomgås innen» passert, flyttes den to år fram fra denne datoen."
        ),
    )
    made_by = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="made_resources",
        verbose_name=_("laget av"),
        help_text=_("Organisasjonen som har laget ressursen. Vises som «Laget av …» på siden."),
    )
    made_with = ParentalManyToManyField(
        "partners.Organisation",
        blank=True,
        related_name="co_made_resources",
        verbose_name=_("i samarbeid med"),
        help_text=_("Organisasjoner som har laget ressursen sammen med den over."),
    )
    owner_region = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="owned_resources",
        verbose_name=_("eierområde"),
        help_text=_("Utledes av sidens plass i treet; tomt betyr nasjonalt innhold."),
    )
    source_id = models.CharField(
        _("kilde-ID"),
        max_length=100,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("ID fra importfilen, slik at ny import oppdaterer i stedet for å duplisere."),
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = ResourcePageManager()

    # Each concrete type declares its facts here (resources/registry.py: ResourceType).
    resource_type = None
    # How lists and front pages order this type (local-first ordering comes before it).
    listing_ordering = ("-date", "-pk")
    # What a resource's page view reads besides its own row, fetched with it when the page is
    # routed (home/routing.py): the owner and list image, the organisations credited, and the
    # topics, audiences and areas the page shows.
    page_view_related = {
        "select": ["owner_region", "image", "made_by"],
        "prefetch": ["topics", "audiences", "areas", "made_with"],
    }
    # What the open API (/api/v2/) shows of it (resources/api_fields.py), and the related rows
    # a type's own API fields read besides page_view_related's.
    api_fields = RESOURCE_API_FIELDS
    api_related = ()

    is_creatable = False

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_caption"), FieldPanel("image_credit")],
            heading=_("Bilde"),
        ),
        FieldPanel("body"),
    ]
    taxonomy_panels = [
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("audiences"), FieldPanel("areas")],
            heading=_("Kategorier"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("made_by"),
                FieldPanel("made_with", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Laget av"),
        ),
    ]
    review_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("review_by")],
            heading=_("Faglig gjennomgang"),
        )
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("owner_region", [index.SearchField("name")]),
        index.FilterField("owner_region"),
        index.FilterField("date"),
        index.FilterField("source_id"),
    ]

    class Meta:
        verbose_name = _("ressurs")
        verbose_name_plural = _("ressurser")

    def clean(self):
        super().clean()
        self.review_by = review_after_check(self.review_by, self.last_reviewed)

    def save(self, *args, **kwargs):
        self.owner_region = region_for(self)
        return super().save(*args, **kwargs)

    @property
    def type_slug(self):
        return self.resource_type.key if self.resource_type else ""

    @property
    def type_label(self):
        return self.resource_type.label if self.resource_type else self._meta.verbose_name

    def shown_in_areas(self):
        """The regions the resource is shown in (empty = every area, i.e. national): the
        areas it is shared into plus its owner region, by name."""
        areas = {region.pk: region for region in self.areas.all()}
        if self.owner_region_id and self.owner_region_id not in areas:
            areas[self.owner_region_id] = self.owner_region
        return sorted(areas.values(), key=lambda region: region.name)

    def credited(self):
        """The organisations credited on the page: (made by or None, [made with, by name]),
        an organisation named once."""
        made_with = [org for org in self.made_with.all() if org.pk != self.made_by_id]
        return self.made_by, made_with

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = list(self.topics.all())
        context["audiences"] = list(self.audiences.all())
        return context


def resource_edit_handler(*content_panels, extra_tabs=()):
    """Editor tabs for a resource type: its own fields after the shared ones, and any tabs of
    its own after the content tab."""
    return TabbedInterface(
        [
            ObjectList([*ResourcePage.content_panels, *content_panels], heading=_("Innhold")),
            *extra_tabs,
            ObjectList(ResourcePage.taxonomy_panels, heading=_("Kategorier")),
            ObjectList(Page.promote_panels, heading=_("Synlighet og SEO")),
            ObjectList(
                [*ResourcePage.review_panels, *Page.settings_panels],
                heading=_("Innstillinger"),
                classname="settings",
            ),
        ]
    )
