"""The zero-result log: which queries found nothing, per day, for the editors' report.

All queries are counted by Wagtail's own query log (wagtail.contrib.search_promotions Query and
QueryDailyHits, shown in its "Search terms" report); this adds only what that lacks.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ZeroResultDay(models.Model):
    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        related_name="zero_result_days",
        verbose_name=_("søk"),
    )
    date = models.DateField(_("dato"))
    hits = models.PositiveIntegerField(_("antall søk uten treff"), default=0)

    class Meta:
        verbose_name = _("søk uten treff")
        verbose_name_plural = _("søk uten treff")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_zero_result_day")
        ]

    def __str__(self):
        return f"{self.query} ({self.date}): {self.hits}"

    @classmethod
    def record(cls, query, date=None):
        day, _created = cls.objects.get_or_create(query=query, date=date or timezone.localdate())
        cls.objects.filter(pk=day.pk).update(hits=models.F("hits") + 1)
