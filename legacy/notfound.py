"""Counting the addresses that found nothing (404), for the report of old addresses that still
need a redirect, without storing anything about who asked.

Only the path is kept: no query string (it can hold anything a visitor typed or a link
carried), no address, user agent or referrer; e-mail addresses and long numbers in a path are
masked. A visitor cannot grow the tables without bound: a path longer than a redirect can
hold is not counted, each client counts only so many 404s an hour (guards/ratelimit.py, keyed
by a hash that is not stored), each day counts at most NOT_FOUND_LOG_PATHS_PER_DAY different
paths, and purge_not_found_log deletes days past NOT_FOUND_LOG_RETENTION_DAYS.
"""

import datetime
import logging
import re

from django.conf import settings
from django.db import DatabaseError, IntegrityError, models, transaction
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from guards.ratelimit import over_limit
from legacy.models import NotFoundDay, NotFoundPath
from legacy.paths import MAX_LENGTH

EMAIL = "[e-post]"
NUMBER = "[tall]"
_EMAIL = re.compile(r"[^/]*@[^/]*")
# Phone numbers have eight digits and national identity numbers eleven; dates and the old
# site's page numbers have fewer, and stay readable.
_LONG_NUMBER = re.compile(r"\d{8,}")

logger = logging.getLogger(__name__)


def masked(path):
    """``path`` as it may be stored: e-mail addresses and runs of eight or more digits
    replaced by placeholders."""
    return _LONG_NUMBER.sub(NUMBER, _EMAIL.sub(EMAIL, path))


def stored_path(path):
    """How ``path`` is kept in the log (as a redirect's old path, masked), or None when it is
    too long to be kept."""
    stored = masked(Redirect.normalise_path(path))
    return stored if len(stored) <= MAX_LENGTH else None


def record(request, path):
    """Count one 404 for ``path`` on the request's site, unless this client has counted its
    share this hour or the day's list of paths is full. A database error is logged, never
    raised: counting must not turn a 404 into a 500."""
    stored = stored_path(path)
    site = Site.find_for_request(request)
    if stored is None or site is None:
        return
    limit, window = settings.NOT_FOUND_LOG_PER_CLIENT
    if limit and over_limit(request, scope="not-found-log", limit=limit, window=window):
        return
    try:
        with transaction.atomic():
            _count(site, stored, timezone.localdate())
    except DatabaseError:
        logger.warning("404 not counted: the database refused the write", exc_info=True)


def _count(site, stored, today):
    days = NotFoundDay.objects.filter(date=today, path__site=site, path__path=stored)
    if days.update(hits=models.F("hits") + 1):
        return
    if NotFoundDay.objects.filter(date=today).count() >= settings.NOT_FOUND_LOG_PATHS_PER_DAY:
        return
    entry, _created = NotFoundPath.objects.get_or_create(site=site, path=stored)
    try:
        with transaction.atomic():
            NotFoundDay.objects.create(path=entry, date=today, hits=1)
    except IntegrityError:  # another request counted the day's first hit in between
        NotFoundDay.objects.filter(date=today, path=entry).update(hits=models.F("hits") + 1)


def purge(days, today=None):
    """Delete the days older than ``days`` days, then the paths left without a day. Returns
    (days deleted, paths deleted)."""
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
    with transaction.atomic():
        deleted_days = NotFoundDay.objects.filter(date__lt=cutoff).delete()[0]
        deleted_paths = NotFoundPath.objects.filter(days__isnull=True).delete()[0]
    return deleted_days, deleted_paths
