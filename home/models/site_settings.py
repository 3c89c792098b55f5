"""Site-wide settings editors maintain in the admin (contact details in the footer)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("e-post til redaksjonen"),
        blank=True,
        help_text=_("Vises i bunnteksten som kontaktadresse."),
    )
    contact_text = models.TextField(
        _("kontakttekst"),
        blank=True,
        help_text=_("Kort tekst i bunnteksten, f.eks. hvem som driver nettstedet."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("personvernerklæring"),
        help_text=_("Siden bunnteksten lenker til som personvernerklæring."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tilgjengelighetserklæring"),
        help_text=_("Siden bunnteksten lenker til som tilgjengelighetserklæring."),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("om oss"),
        help_text=_("Siden bunnteksten lenker til som «Om Kompetansebroen»."),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_text"),
        FieldPanel("about_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("nettstedsinnstillinger")
