"""Editorial review dates: when a resource's content should be checked again by someone in the
field ("gjennomgås innen"), and what counts as due.

A new page is due for review two years from the day it is created; when editors record that
they have reviewed the content ("sist faglig oppdatert"), a review date that has passed moves
two years on from that day.
"""

import datetime

from django.utils import timezone

REVIEW_INTERVAL_YEARS = 2
# The report lists items whose review date has passed and those due within this many days.
DUE_SOON_DAYS = 30


def years_after(day, years):
    """``day`` moved ``years`` on (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def default_review_by():
    """The review date a new page starts with: two years from today."""
    return years_after(timezone.localdate(), REVIEW_INTERVAL_YEARS)


def review_after_check(review_by, last_reviewed):
    """The review date once the content was checked on ``last_reviewed``: a date that had
    come (on or before the check) moves two years on from the check; a later one, or none
    (editors chose no review), stays."""
    if last_reviewed and review_by and review_by <= last_reviewed:
        return years_after(last_reviewed, REVIEW_INTERVAL_YEARS)
    return review_by


def due_by(today=None, within_days=DUE_SOON_DAYS):
    """The last review date that counts as due on ``today``: ``within_days`` ahead."""
    return (today or timezone.localdate()) + datetime.timedelta(days=within_days)
