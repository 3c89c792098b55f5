"""Per-question exam statistics: how many answered each question and how many got it right.

Counts only, never who answered: editors see which questions are hard without personal data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionStat(models.Model):
    course = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("kurs")
    )
    question_id = models.CharField(_("spørsmåls-ID"), max_length=64)
    answered = models.PositiveIntegerField(_("besvart"), default=0)
    right = models.PositiveIntegerField(_("riktig"), default=0)

    class Meta:
        verbose_name = _("spørsmålsstatistikk")
        constraints = [
            models.UniqueConstraint(fields=["course", "question_id"], name="one_stat_per_question")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.right}/{self.answered}"
