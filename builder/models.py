"""What the corpus importer last wrote to each page it imported, so a re-import can tell the
importer's own work from an editor's (builder/importer/records.py holds the rules).

Kept apart from the page: page fields are copied into every revision, so publishing an older
draft would bring back an older import state with it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedPage(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("side"),
    )
    source_hash = models.CharField(
        _("kildesjekksum"),
        max_length=64,
        blank=True,
        help_text=_("Sjekksum av feltene siden sist ble importert med."),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("importens versjon"),
        help_text=_(
            "Versjonen importen lagret sist. Har siden en nyere versjon, har en redaktør "
            "endret den, og importen lar den være."
        ),
    )
    parent = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("importens plassering"),
        help_text=_("Siden importen la siden under. Flytter en redaktør den, blir den stående."),
    )
    withdrawn = models.BooleanField(
        _("avpublisert av importen"),
        default=False,
        help_text=_(
            "Importen avpubliserte siden fordi den var borte fra kilden (--unpublish-missing). "
            "Kommer den tilbake i kilden, publiseres den igjen."
        ),
    )
    imported_at = models.DateTimeField(_("sist importert"), auto_now=True)

    class Meta:
        verbose_name = _("importert side")
        verbose_name_plural = _("importerte sider")

    def __str__(self):
        return f"page {self.page_id} (revision {self.revision_id})"
