"""What visitors search for: every query in Wagtail's query log (search_promotions Query and
QueryDailyHits), the ones that found nothing in ours (search.models.ZeroResultDay), and the
editors' picks (Wagtail search promotions) for a query.

A query on a health portal can hold a national identity number, a phone number, an e-mail
address or a name. Before a query is stored, runs of digits and e-mail addresses are replaced
by placeholders and the text is cut short; each client adds only so many searches per hour (so
nobody can grow the tables without bound), and purge_search_log deletes days past
SEARCH_LOG_RETENTION_DAYS. Names and diagnoses cannot be told from other words: the retention
limit is what protects those.
"""

import datetime
import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from guards.ratelimit import over_limit
from regions.cached import remembered
from search.models import ZeroResultDay

NUMBER = "[tall]"
EMAIL = "[e-post]"
# Anything with an @ in it: whole addresses, and halves of one ("ola.nordmann@").
_EMAIL = re.compile(r"\S*@\S*")
# Digits, possibly split by single spaces, dots, dashes or slashes ("010190 12345",
# "22 33 44 55", "01.01.1990"), with a leading + ("+47").
_DIGITS = re.compile(r"\+?\d(?:[ .\-/]?\d)*")
MIN_DIGITS = 3  # "covid 19" and "B12" are kept; "123" and longer are masked


def _mask_digits(match):
    run = match.group()
    return NUMBER if sum(char.isdigit() for char in run) >= MIN_DIGITS else run


def masked(text):
    """``text`` as it may be stored: e-mail addresses and runs of three or more digits replaced
    by placeholders, at most SEARCH_LOG_MAX_LENGTH characters (cut at a word where possible)."""
    text = _DIGITS.sub(_mask_digits, _EMAIL.sub(EMAIL, text))
    limit = settings.SEARCH_LOG_MAX_LENGTH
    if len(text) > limit:
        cut = text[: limit + 1].rsplit(" ", 1)[0]
        text = cut if 0 < len(cut) <= limit else text[:limit]
    return text.strip()


def log_search(request, text, count):
    """Count one search for ``text`` that gave ``count`` results, masked, unless this client
    has already added its share of searches this hour."""
    stored = masked(text)
    if not normalise_query_string(stored):
        return
    limit, window = settings.SEARCH_LOG_PER_CLIENT
    if limit and over_limit(request, scope="search-log", limit=limit, window=window):
        return
    query = Query.get(stored)
    query.add_hit()
    if count == 0:
        ZeroResultDay.record(query)


def purge(days, today=None):
    """Delete the log's days older than ``days`` days, then the queries nothing refers to any
    more (queries with editors' picks stay). Returns (days deleted, queries deleted)."""
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
    with transaction.atomic():
        hits = QueryDailyHits.objects.filter(date__lt=cutoff).delete()[0]
        misses = ZeroResultDay.objects.filter(date__lt=cutoff).delete()[0]
        queries = Query.objects.filter(
            daily_hits__isnull=True, editors_picks__isnull=True, zero_result_days__isnull=True
        ).delete()[0]
    return hits + misses, queries


PROMOTED_QUERIES_KEY = "kb:promoted-queries"


def promoted_queries():
    """The (normalised) queries that have editors' picks: kept in the cache and forgotten when
    a pick is saved or deleted (search/signals.py), so a search without picks needs no query
    for them."""
    return remembered(
        PROMOTED_QUERIES_KEY,
        lambda: frozenset(
            Query.objects.filter(editors_picks__isnull=False).values_list("query_string", flat=True)
        ),
    )


def promotions_for(text):
    """Editors' picks for ``text`` in their order; picks of unpublished pages are left out."""
    normalised = normalise_query_string(text)
    if not normalised or normalised not in promoted_queries():
        return []
    picks = SearchPromotion.objects.filter(query__query_string=normalised).select_related("page")
    return [pick for pick in picks if pick.page is None or pick.page.live]
