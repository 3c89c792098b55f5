"""Judging what a SCORM package reported at the end of an attempt: a pass token or a reason.

The learner's browser runs the package and sends its lesson status and score; the server
checks that the attempt token is this course's and fresh, that the status is a pass, and
that the score reaches the course's pass mark. "passed" is the package's own judgement of
mastery, so it stands without a score; "completed" only says the learner went through the
content, so it earns a kursbevis only with a score at the pass mark.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from courses.passes import BadToken, pass_token, read_attempt

PASSING_STATUSES = ("passed", "completed")


class ResultRefused(ValueError):
    """No pass; the message is for the learner (Norwegian)."""


def _number(value):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise ResultRefused(_("Poengsummen fra kurset kunne ikke leses.")) from error
    if not number.is_finite():
        raise ResultRefused(_("Poengsummen fra kurset kunne ikke leses."))
    return number


def score_percent(raw, minimum=None, maximum=None):
    """cmi.core.score.raw as a percentage (0–100) of the range min..max; None without a score.

    SCORM 1.2 scores are 0–100 unless the package says otherwise through min and max.
    """
    raw = _number(raw)
    if raw is None:
        return None
    low = _number(minimum)
    high = _number(maximum)
    low = Decimal(0) if low is None else low
    high = Decimal(100) if high is None else high
    if high <= low:
        raise ResultRefused(_("Poengsummen fra kurset har et ugyldig område (min og maks)."))
    percent = (raw - low) * 100 / (high - low)
    return max(Decimal(0), min(Decimal(100), percent))


def judge(course, attempt, status, raw=None, minimum=None, maximum=None):
    """A pass token for this attempt, or ResultRefused with the reason."""
    try:
        attempt_id = read_attempt(str(attempt or ""), course)
    except BadToken as error:
        raise ResultRefused(
            _("Forsøket kunne ikke bekreftes. Last inn siden på nytt og ta kurset en gang til.")
        ) from error
    status = str(status or "").strip().lower()
    if status == "failed":
        raise ResultRefused(_("Kurset er ikke bestått. Du kan prøve på nytt."))
    if status not in PASSING_STATUSES:
        raise ResultRefused(_("Kurset er ikke fullført ennå."))
    percent = score_percent(raw, minimum, maximum)
    if percent is None and status == "completed":
        raise ResultRefused(
            _(
                "Kurset er fullført, men det rapporterte ingen poengsum, så det kan ikke gis "
                "kursbevis for det."
            )
        )
    if percent is not None and percent < course.pass_mark:
        raise ResultRefused(
            _(
                "Du fikk %(percent)s %%, og det trengs %(mark)s %% for å bestå. "
                "Du kan prøve på nytt."
            )
            % {"percent": int(percent), "mark": course.pass_mark}
        )
    return pass_token(course, int(percent if percent is not None else 100), attempt_id)
