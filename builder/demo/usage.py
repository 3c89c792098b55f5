"""Demo usage figures, so the editors' report (Rapporter → Bruksstatistikk) has something to
show on a trial install: a year and a bit of made-up monthly counts for some of the demo's
pages and documents, from a fixed seed. Built once; real visits are added on top."""

import datetime
import random

from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from resources.models import CoursePage, FilmPage, PodcastEpisodePage
from tally import store
from tally.events import Event
from tally.models import DocumentCount, PageCount

SEED = 2026
PAGES = 60


def _days(today):
    """The 15th of each month from January last year to this month (today, this month, if
    the 15th is still ahead)."""
    for year in (today.year - 1, today.year):
        for month in range(1, 13):
            if (year, month) < (today.year, today.month):
                yield datetime.date(year, month, 15)
            elif (year, month) == (today.year, today.month):
                yield datetime.date(year, month, min(15, today.day))


def demo_counts(today, pages, documents, rng):
    """{(day, event, id): n}: one day a month with that month's uses."""
    plays = {page.pk: Event.FILM for page in pages if isinstance(page, FilmPage)}
    plays |= {page.pk: Event.PODCAST for page in pages if isinstance(page, PodcastEpisodePage)}
    courses = {page.pk for page in pages if isinstance(page, CoursePage)}
    counts = {}
    for day in _days(today):
        growth = 1.5 if day.year == today.year else 1.0  # more use this year than last
        for page in pages:
            views = int(rng.randint(5, 120) * growth)
            counts[(day, Event.VIEW.value, page.pk)] = views
            if page.pk in plays:
                counts[(day, plays[page.pk].value, page.pk)] = views // 2 + 1
            if page.pk in courses:
                completed = views // 4 + 1
                counts[(day, Event.COMPLETION.value, page.pk)] = completed
                counts[(day, Event.CERTIFICATE.value, page.pk)] = completed // 2 + 1
        for document in documents:
            counts[(day, Event.DOWNLOAD.value, document.pk)] = rng.randint(1, 40)
    return counts


def ensure_demo_usage(summary):
    if PageCount.objects.exists() or DocumentCount.objects.exists():
        return 0
    rng = random.Random(SEED)  # noqa: S311 - made-up figures, not security
    candidates = list(
        Page.objects.live()
        .filter(locale=Locale.get_default(), depth__gte=2)
        .order_by("path")
        .specific(defer=True)
    )
    pages = rng.sample(candidates, min(PAGES, len(candidates)))
    documents = list(get_document_model().objects.order_by("pk")[:10])
    added = store.add(demo_counts(timezone.localdate(), pages, documents, rng))
    summary.created.append(f"bruksstatistikk: {added} tellinger for {len(pages)} sider")
    return added
