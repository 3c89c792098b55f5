"""A new issue's starting point: the last week's news and the next month's events that a
visitor in the area sees (the area rule of resources/models/queryset.py), as issue items."""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Locale

from newsletters.mail import site_url
from resources.models import EventPage, NewsPage

NEWS_DAYS = 7
EVENT_DAYS = 30


def in_area(queryset, region):
    return queryset.national() if region is None else queryset.shown_in_area(region)


def absolute(page):
    url = page.url or ""
    return site_url() + url if url.startswith("/") else url


def news_items(region, now):
    since = timezone.localdate(now) - timedelta(days=NEWS_DAYS)
    pages = in_area(NewsPage.objects.listed(Locale.get_default()), region)
    for page in pages.filter(date__gte=since).order_by("-date", "-pk"):
        yield {
            "title": page.title,
            "meta": date_format(page.date, "DATE_FORMAT"),
            "text": page.summary,
            "url": absolute(page),
        }


def event_items(region, now):
    pages = in_area(EventPage.objects.listed(Locale.get_default()), region)
    for page in (
        pages.upcoming().filter(start__lte=now + timedelta(days=EVENT_DAYS)).order_by("start", "pk")
    ):
        when = date_format(timezone.localtime(page.start), "DATETIME_FORMAT")
        yield {
            "title": page.title,
            "meta": f"{when}, {page.location}" if page.location else when,
            "text": page.summary,
            "url": absolute(page),
        }


def draft_items(region, now=None):
    """StreamField data for a new issue: news first, then events."""
    now = now or timezone.now()
    items = [*news_items(region, now), *event_items(region, now)]
    return [("item", item) for item in items]


def draft_subject(region, now=None):
    now = now or timezone.now()
    name = region.name if region else _("hele landet")
    return _("Nytt fra %(area)s, uke %(week)s") % {
        "area": name,
        "week": timezone.localdate(now).isocalendar().week,
    }
