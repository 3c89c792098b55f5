"""The daily counts: how many times a page or document was used on a day, nothing more.

No visitor, address, browser, cookie or user is stored; a row is (day, item, event, count).
Counts go with their page or document when it is deleted (unpublish instead to keep them).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tally.events import Event


class PageCount(models.Model):
    day = models.DateField(_("dag"))
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("side")
    )
    event = models.CharField(_("hendelse"), max_length=20, choices=Event.choices)
    count = models.PositiveIntegerField(_("antall"), default=0)

    class Meta:
        verbose_name = _("daglig telling for en side")
        verbose_name_plural = _("daglige tellinger for sider")
        constraints = [
            models.UniqueConstraint(fields=["day", "page", "event"], name="one_page_count_a_day")
        ]

    def __str__(self):
        return f"{self.day} {self.page_id} {self.event}: {self.count}"


class DocumentCount(models.Model):
    """Downloads of a document (Event.DOWNLOAD, the only document event) on a day."""

    day = models.DateField(_("dag"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("dokument"),
    )
    count = models.PositiveIntegerField(_("antall"), default=0)

    class Meta:
        verbose_name = _("daglig telling for et dokument")
        verbose_name_plural = _("daglige tellinger for dokumenter")
        constraints = [
            models.UniqueConstraint(fields=["day", "document"], name="one_document_count_a_day")
        ]

    def __str__(self):
        return f"{self.day} {self.document_id}: {self.count}"
