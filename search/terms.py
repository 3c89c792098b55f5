"""From what a visitor typed to a search-engine query, shared by the resource search
(search/query.py) and the page search (search/pages.py): the text made safe, then each folded
term with its synonyms and compound parts."""

import re

from modelsearch.query import And, Or, PlainText

from search.compounds import split
from search.lexicon import synonyms_for
from search.text import query_terms

MAX_QUERY_LENGTH = 200
# More words than this add cost, not precision: the rest of a long query is ignored.
MAX_TERMS = 8

# Control characters (NUL above all) and double quotes. Wagtail's SQLite FTS5 backend passes
# '"' through unescaped, so an odd number of quotes is a syntax error ("unterminated string");
# as text a quote carries no meaning, so it becomes a space. Remove once Wagtail escapes it.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"]')


def clean_query(text):
    """The query as plain text: unsafe characters removed, whitespace collapsed, trimmed."""
    return " ".join(_UNSAFE.sub(" ", text or "").split())[:MAX_QUERY_LENGTH]


def search_terms(text):
    """The query's distinct folded terms, in order, at most MAX_TERMS."""
    return list(dict.fromkeys(query_terms(clean_query(text))))[:MAX_TERMS]


def _alternatives(term, compounds=True):
    """A folded query term and what it may also be written as: its synonyms and, for a compound,
    its parts together ("hjertesviktkurs" → "hjertesvikt" and "kurs")."""
    alternatives = [PlainText(term)]
    for other in synonyms_for(term):
        alternatives.append(PlainText(other, operator="and"))
    parts = split(term) if compounds else ()
    if parts:
        alternatives.append(PlainText(" ".join(parts), operator="and"))
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def build_query(terms, operator="and", *, compounds=True):
    """A Wagtail search query for folded ``terms``: each term, one of its synonyms or, for a
    compound (unless ``compounds`` is false), all its parts; every term (``operator`` "and") or
    any (``"or"``)."""
    parts = [_alternatives(term, compounds) for term in terms]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)
