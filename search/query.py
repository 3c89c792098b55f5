"""The one code path from a visitor's query text to search results.

Queries are plain text: characters that search engines treat as syntax are neutralised
here, so nothing a visitor types can break a backend.
"""

import re

from wagtail.models import Page
from wagtail.search.query import PlainText

MAX_QUERY_LENGTH = 200

# Control characters (NUL above all) and double quotes. Wagtail's SQLite FTS5 backend passes
# '"' through unescaped, so an odd number of quotes is a syntax error ("unterminated string");
# as text a quote carries no meaning, so it becomes a space. Remove once Wagtail escapes it.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"]')


def clean_query(text):
    """The query as plain text: unsafe characters removed, whitespace collapsed, trimmed."""
    return " ".join(_UNSAFE.sub(" ", text or "").split())[:MAX_QUERY_LENGTH]


def search_pages(text):
    """Live, public pages matching ``text`` (empty queryset for an empty query)."""
    query = clean_query(text)
    if not query:
        return Page.objects.none()
    return Page.objects.live().public().specific().search(PlainText(query))
