"""The site's one StreamField block library, and the place where streams are composed."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TEXT = _("Tekst")
MEDIA = _("Media")
LINKS = _("Lenker og lister")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Overskrift"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Nivå 2")), ("h3", _("Nivå 3")), ("h4", _("Nivå 4"))],
        default="h2",
        label=_("Nivå"),
        help_text=_("Sidetittelen er nivå 1; bruk nivå 2 for hovedavsnitt."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Overskrift")
        description = _("Mellomtittel som deler opp teksten")
        preview_value = {"text": "Om kurset", "level": "h2"}
        group = TEXT


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "ol", "ul", "document-link", "h3", "h4"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Avsnitt")
        description = _("Brødtekst med lenker og lister")
        preview_value = "<p>Kurset gir en innføring i forsvarlig legemiddelhåndtering.</p>"
        group = TEXT


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Sitat"))
    attribution = blocks.CharBlock(label=_("Hvem sier det"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Sitat")
        description = _("Et utsagn fra en fagperson, pasient eller pårørende")
        preview_value = {
            "text": "Kompetansebroen er et enkelt verktøy for kompetansedeling.",
            "attribution": "Helse Sør-Øst",
        }
        group = TEXT


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bilde"))
    caption = blocks.CharBlock(label=_("Bildetekst"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Fotograf/illustratør"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Bilde")
        description = _("Bilde med alternativ tekst, bildetekst og kreditering")
        group = MEDIA


class EmbedWithTitleBlock(blocks.StructBlock):
    embed = EmbedBlock(
        label=_("Adresse (URL)"), help_text=_("F.eks. en YouTube- eller Vimeo-lenke")
    )
    title = blocks.CharBlock(
        label=_("Tittel"),
        max_length=200,
        help_text=_("Beskriver innholdet for skjermlesere"),
    )

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        label = _("Innebygd video/lyd")
        description = _("Video eller lyd fra en ekstern tjeneste")
        group = MEDIA


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=120)
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    link_text = blocks.CharBlock(label=_("Lenketekst"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Handlingsknapp")
        description = _("Fremhevet boks som leder til en side eller adresse")
        preview_value = {
            "title": "Meld deg på kurset",
            "text": "Kurset er gratis for ansatte i helsefellesskapet.",
            "link_text": "Til påmelding",
            "url": "https://example.org",
        }
        group = LINKS

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Velg enten en side eller en ekstern adresse (ikke begge).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Lenketekst"), required=False, help_text=_("Tom: dokumentets tittel")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Dokument")
        description = _("Lenke til et dokument (PDF, Word …) med filtype og størrelse")
        group = LINKS


class ResourceListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tittel"), max_length=120)
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="resources.ResourcePage"), label=_("Ressurser")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = published_as_cards(value["pages"])
        return context

    class Meta:
        icon = "list-ul"
        template = "blocks/resource_list_block.html"
        label = _("Ressursliste")
        description = _("Håndplukkede kurs, filmer, podkaster eller artikler")
        group = LINKS


def published_as_cards(pages):
    """The chosen pages that are published, in their order, as their own page types with what
    their cards show: in one query for all, where each would take its own (the chooser gives
    them as the base resource page). The resources' queryset knows how (``specific_pages``,
    ``for_cards``); this floor only asks it, and else takes Wagtail's ``specific()``."""
    chosen = [page for page in pages if page is not None and page.live]
    if not chosen:
        return []
    queryset = type(chosen[0])._default_manager.filter(pk__in=[page.pk for page in chosen])
    if hasattr(queryset, "specific_pages"):
        found = queryset.for_cards().specific_pages()
    else:
        found = queryset.specific()
    by_id = {page.pk: page for page in found}
    return [by_id[page.pk] for page in chosen if page.pk in by_id]


def body_blocks():
    """The blocks every page body offers, in picker order."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("quote", QuoteBlock()),
        ("image", ImageWithCaptionBlock()),
        ("embed", EmbedWithTitleBlock()),
        ("call_to_action", CallToActionBlock()),
        ("document", DocumentLinkBlock()),
        ("resource_list", ResourceListBlock()),
    ]


def text_list_blocks(label):
    """A plain list of short texts (partners, goals, guests' roles)."""
    return [("item", blocks.CharBlock(label=label, max_length=300, form_classname="title"))]
