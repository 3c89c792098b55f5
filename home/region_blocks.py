"""The blocks a region's team builds its region page from: the layout (the newest items of a
type, hand-picked items, a theme, in the order the team puts them) and the local links of the
menu and footer.

What the layout blocks show is fetched for the whole page at once (home/region_layout.py);
each block's ``get_context`` only serves a block rendered on its own (the admin's preview).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.region_layout import FEATURED, LATEST, MAX_ITEMS, TEMPLATES, THEME, block_section
from resources.registry import resource_types

LAYOUT = _("Oppsett")
LINKS = _("Lenker")


def resource_type_choices():
    """Every resource type, by the name of its list (from the type registry)."""
    return [(kind.key, kind.section_label) for kind in resource_types()]


def count_block(help_text):
    return blocks.IntegerBlock(
        label=_("Antall"), default=4, min_value=1, max_value=MAX_ITEMS, help_text=help_text
    )


class LayoutSectionBlock(blocks.StructBlock):
    """A section of the region page: its template shows ``section`` (home/region_layout.py)."""

    layout_kind = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["section"] = block_section(self, value, parent_context)
        return context


class LatestResourcesBlock(LayoutSectionBlock):
    resource_type = blocks.ChoiceBlock(
        choices=resource_type_choices,
        label=_("Innholdstype"),
        help_text=_("Hva listen viser. Kurs og møteplasser viser bare kommende arrangementer."),
    )
    count = count_block(_("Hvor mange som vises (høyst 12)."))
    title = blocks.CharBlock(
        label=_("Overskrift"),
        required=False,
        max_length=120,
        help_text=_("Tom: listens navn, f.eks. «Aktuelt»."),
    )
    layout_kind = LATEST

    class Meta:
        icon = "list-ul"
        template = TEMPLATES[LATEST]
        label = _("Siste fra en innholdstype")
        description = _(
            "De nyeste sakene av én type (arrangementer: de neste), områdets egne først, "
            "med lenke til hele listen"
        )
        preview_value = {"resource_type": "news", "count": 4, "title": ""}
        group = LAYOUT


class FeaturedResourcesBlock(LayoutSectionBlock):
    title = blocks.CharBlock(
        label=_("Overskrift"), max_length=120, help_text=_("F.eks. «Anbefalt av redaksjonen».")
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="resources.ResourcePage", label=_("Ressurs")),
        label=_("Ressurser"),
        min_num=1,
        max_num=MAX_ITEMS,
        help_text=_("Vises i denne rekkefølgen. Upubliserte ressurser vises ikke."),
    )
    layout_kind = FEATURED

    class Meta:
        icon = "pick"
        template = TEMPLATES[FEATURED]
        label = _("Utvalgte ressurser")
        description = _("Håndplukkede kurs, filmer, podkaster eller artikler i valgt rekkefølge")
        preview_value = {"title": "Anbefalt av redaksjonen", "pages": []}
        group = LAYOUT


class ThemeBlock(LayoutSectionBlock):
    theme = blocks.PageChooserBlock(
        page_type="resources.ThemePage",
        label=_("Fagtema"),
        help_text=_("Temasiden det lenkes til; listen viser de nyeste ressursene om temaet."),
    )
    count = count_block(_("Hvor mange ressurser som vises (høyst 12)."))
    title = blocks.CharBlock(
        label=_("Overskrift"),
        required=False,
        max_length=120,
        help_text=_("Tom: temaets navn."),
    )
    layout_kind = THEME

    class Meta:
        icon = "tag"
        template = TEMPLATES[THEME]
        label = _("Fagtema")
        description = _("De nyeste ressursene om et fagtema, områdets egne først")
        group = LAYOUT


class LocalLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Lenketekst"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    url = blocks.URLBlock(label=_("Ekstern adresse"), required=False)

    class Meta:
        icon = "link"
        template = "home/blocks/local_link_block.html"
        label = _("Lenke")
        description = _("En lenke til en side på nettstedet eller en ekstern adresse")
        preview_value = {"label": "Om helsefellesskapet", "url": "https://example.org"}
        group = LINKS

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Velg enten en side eller en ekstern adresse (ikke begge).")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


def layout_blocks():
    """The region page's layout blocks, in picker order (their names are the stream's)."""
    return [
        (LATEST, LatestResourcesBlock()),
        (FEATURED, FeaturedResourcesBlock()),
        (THEME, ThemeBlock()),
    ]


def link_blocks():
    return [("link", LocalLinkBlock())]
