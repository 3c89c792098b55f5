"""Certificate (kursbevis): what verifying one needs, and nothing more.

The code and the removal key are shown to the holder once and stored only as SHA-256
digests; the attempt digest lets one passed attempt issue one certificate.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    code_digest = models.CharField(max_length=64, unique=True, editable=False)
    removal_digest = models.CharField(max_length=64, editable=False)
    attempt_digest = models.CharField(max_length=64, unique=True, editable=False)
    course = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kurs"),
    )
    course_title = models.CharField(_("kursnavn"), max_length=255)
    name = models.CharField(_("navn"), max_length=200)
    issued_on = models.DateField(_("utstedt"))
    valid_until = models.DateField(_("gyldig til"), null=True, blank=True)

    class Meta:
        verbose_name = _("kursbevis")
        verbose_name_plural = _("kursbevis")

    def __str__(self):
        return f"{self.course_title} ({self.issued_on:%Y-%m-%d})"
