"""Subscriptions (double opt-in, one per address and area), issues and one delivery per issue
and address, so an issue never goes twice to the same address."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.fields import StreamField

from newsletters.blocks import IssueItemBlock


def newsletter_name(region):
    """The newsletter's name, for e-mails and pages (``region`` None: the national one)."""
    if region is None:
        return _("Kompetansebroens nasjonale nyhetsbrev")
    return _("Kompetansebroens nyhetsbrev for %(region)s") % {"region": region.name}


def new_token():
    """Random, unguessable, and the key of the subscriber's confirm and unsubscribe links."""
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet):
    def for_region(self, region):
        """The subscriptions to ``region``'s newsletter (None: the national one)."""
        if region is None:
            return self.filter(region__isnull=True)
        return self.filter(region=region)

    def active(self):
        return self.exclude(status=Subscription.Status.UNSUBSCRIBED)

    def confirmed(self):
        return self.filter(status=Subscription.Status.CONFIRMED)


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("venter på bekreftelse")
        CONFIRMED = "confirmed", _("bekreftet")
        UNSUBSCRIBED = "unsubscribed", _("avmeldt")

    region = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriptions",
        verbose_name=_("område"),
        help_text=_("Tomt betyr det nasjonale nyhetsbrevet."),
    )
    email = models.EmailField(_("e-postadresse"), max_length=254)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(
        _("språk"),
        max_length=10,
        default="nb",
        help_text=_("Språket i skjemaet abonnenten brukte; e-postene følger det."),
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekreftet"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("avmeldt"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement på nyhetsbrev")
        verbose_name_plural = _("abonnementer på nyhetsbrev")
        ordering = ["-created_at"]
        # One live subscription per address and area. NULLs are distinct in a unique index,
        # so the national newsletter (no region) has a constraint of its own.
        constraints = [
            models.UniqueConstraint(
                fields=["region", "email"],
                condition=Q(region__isnull=False) & ~Q(status="unsubscribed"),
                name="newsletter_one_subscription_per_region",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(region__isnull=True) & ~Q(status="unsubscribed"),
                name="newsletter_one_national_subscription",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.region or _('nasjonalt')})"


class Issue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("utkast")
        QUEUED = "queued", _("sendes")
        SENT = "sent", _("sendt")

    region = models.ForeignKey(
        "regions.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="newsletter_issues",
        verbose_name=_("område"),
        help_text=_("Tomt betyr det nasjonale nyhetsbrevet."),
    )
    subject = models.CharField(
        _("emne"), max_length=200, help_text=_("Emnefeltet i e-posten, f.eks. «Nytt fra …».")
    )
    intro = models.TextField(
        _("innledning"), blank=True, help_text=_("Noen linjer øverst i nyhetsbrevet.")
    )
    items = StreamField(
        [("item", IssueItemBlock())],
        blank=True,
        verbose_name=_("saker"),
        help_text=_("Nyheter og arrangementer, i den rekkefølgen de skal stå."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created = models.DateTimeField(_("opprettet"), auto_now_add=True)
    queued_at = models.DateTimeField(_("lagt i kø"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True, editable=False)
    # Hard bounces reported back after sending: the address is deleted at once, so the issue
    # keeps only the number.
    bounced = models.PositiveIntegerField(
        _("avvist av mottakerens server"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("nyhetsbrev")
        verbose_name_plural = _("nyhetsbrev")
        ordering = ["-created"]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One issue to one subscription. The row is written before the message goes out
    (``sending``), so a crashed or repeated run never mails the same address twice; a failure
    is kept with its error and tried again by the next run."""

    class Status(models.TextChoices):
        SENDING = "sending", _("sendes")
        SENT = "sent", _("sendt")
        FAILED = "failed", _("feilet")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("utsending")
        verbose_name_plural = _("utsendinger")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscription"], name="newsletter_one_delivery_per_address"
            )
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscription.email}: {self.status}"
