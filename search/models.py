"""Search data editors keep: the zero-result log (which queries found nothing, per day, for the
editors' report) and the synonym list (Synonym snippets).

All queries are counted by Wagtail's own query log (wagtail.contrib.search_promotions Query and
QueryDailyHits, shown in its "Search terms" report); this adds only what that lacks.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from search.text import words


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


class Synonym(models.Model):
    """Words and phrases that mean the same in a search ("hjerneslag, slag, apopleksi").

    Every backend expands a query word with its group at query time (search/lexicon.py,
    search/query.py), so a change here works at once, without reindexing."""

    words = models.CharField(
        _("ord"),
        max_length=500,
        help_text=_(
            "Ord og uttrykk som betyr det samme i et søk, skilt med komma, f.eks. "
            "«hjerneslag, slag, apopleksi». Store og små bokstaver spiller ingen rolle."
        ),
    )
    one_way = models.BooleanField(
        _("bare fra det første ordet"),
        default=False,
        help_text=_(
            "Kryss av når bare det første ordet skal finne de andre (f.eks. «medisiner, "
            "legemidler»: et søk på «legemidler» skal ikke finne alt om medisiner)."
        ),
    )

    panels = [FieldPanel("words"), FieldPanel("one_way")]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonymer")
        ordering = ["words"]

    def __str__(self):
        return self.words

    def members(self):
        """The group's words and phrases, folded, in the order written."""
        members = []
        for member in self.words.split(","):
            folded = " ".join(words(member))
            if folded and folded not in members:
                members.append(folded)
        return members


class ContentVersion(models.Model):
    """One row whose token changes with every change to what search may show: publishing,
    unpublishing, moving or deleting a page, editing its topics, audiences or areas, a privacy
    setting, or a taxonomy name (search/freshness.py). Each process compares it with the token
    of the facts it holds in memory (search/facts.py) and reloads them when it differs.

    The token is random, not a counter: a change rolled back (or a test's transaction) brings
    back a token whose facts no process can still hold from the world that was rolled back."""

    token = models.UUIDField()

    class Meta:
        verbose_name = _("innholdsversjon for søk")
        verbose_name_plural = _("innholdsversjoner for søk")

    def __str__(self):
        return str(self.token)
