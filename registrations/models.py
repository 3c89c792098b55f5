"""A registration for an event: who, their answers, and their place (confirmed, waiting or
cancelled). Personal data: deleted a set number of days after the event
(resources' purge_registrations command)."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("Bekreftet")
    WAITING = "waiting", _("På venteliste")
    CANCELLED = "cancelled", _("Avmeldt")


class Registration(models.Model):
    event = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("arrangement"),
    )
    name = models.CharField(_("navn"), max_length=200)
    email = models.EmailField(_("e-post"))
    workplace = models.CharField(_("arbeidssted"), max_length=200)
    dietary = models.CharField(_("allergier eller matbehov"), max_length=300, blank=True)
    profession = models.CharField(_("yrke"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    language = models.CharField(_("språk"), max_length=5, default="nb")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("påmeldt"), auto_now_add=True, db_index=True)
    promoted_at = models.DateTimeField(_("flyttet opp fra ventelisten"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avmeldt"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)

    class Meta:
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldinger")
        ordering = ["created_at", "pk"]
        constraints = [
            # One seat (or place in the queue) per address and event, whatever the timing.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status=Status.CANCELLED),
                name="one_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


class Submission(models.Model):
    """Who suggested an event through the public form, for the editors who review the draft
    (never shown on the site; deleted with the page, or by purge_registrations after the
    event like registrations)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("arrangement"),
    )
    name = models.CharField(_("kontaktperson"), max_length=200)
    email = models.EmailField(_("e-post"))
    message = models.TextField(_("melding til redaksjonen"), blank=True)
    created_at = models.DateTimeField(_("sendt inn"), auto_now_add=True)

    class Meta:
        verbose_name = _("forslag til arrangement")
        verbose_name_plural = _("forslag til arrangementer")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} <{self.email}>"
