"""The block of a newsletter issue: one news item or event, with its link."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class IssueItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tittel"), max_length=255)
    meta = blocks.CharBlock(
        label=_("tid og sted"),
        required=False,
        max_length=255,
        help_text=_("For arrangementer: dato, klokkeslett og sted."),
    )
    text = blocks.TextBlock(label=_("tekst"), required=False, help_text=_("Et kort sammendrag."))
    url = blocks.URLBlock(label=_("lenke"), help_text=_("Hele adressen til saken på nettstedet."))

    class Meta:
        icon = "link"
        label = _("sak")
        template = "newsletters/blocks/issue_item.html"
        description = _("En nyhet eller et arrangement med lenke.")
        preview_value = {
            "title": "Fagdag om demens",
            "meta": "12. mai kl. 09.00, Hamar",
            "text": "Nytt om kartlegging og pårørendearbeid.",
            "url": "https://kompetansebroen.example/kurs-og-moteplasser/fagdag-om-demens/",
        }
        group = _("Nyhetsbrev")
