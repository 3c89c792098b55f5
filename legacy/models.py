"""The log of addresses that found nothing (404), for the editors' report of old addresses
that still need a redirect: per site and path, a count per day. Nothing about who asked is
stored (legacy/notfound.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotFoundPath(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("nettsted"),
    )
    # Stored as Wagtail's redirects store an old path, so a redirect can be matched to it.
    path = models.CharField(_("adresse"), max_length=255)

    class Meta:
        verbose_name = _("adresse uten side")
        verbose_name_plural = _("adresser uten side")
        constraints = [
            models.UniqueConstraint(fields=["site", "path"], name="legacy_not_found_path")
        ]

    def __str__(self):
        return self.path


class NotFoundDay(models.Model):
    path = models.ForeignKey(
        NotFoundPath, on_delete=models.CASCADE, related_name="days", verbose_name=_("adresse")
    )
    date = models.DateField(_("dato"))
    hits = models.PositiveIntegerField(_("treff"), default=0)

    class Meta:
        verbose_name = _("dag med 404")
        verbose_name_plural = _("dager med 404")
        constraints = [
            # Date first: the daily cap counts a day's rows.
            models.UniqueConstraint(fields=["date", "path"], name="legacy_not_found_day")
        ]

    def __str__(self):
        return f"{self.path} ({self.date}): {self.hits}"
