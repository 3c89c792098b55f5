"""Norwegian text handling shared by every backend: folding (æøå), stemming, stop words.

Compound words are split in search/compounds.py; synonyms and acronyms are the admin-edited
Synonym snippets (search/lexicon.py).

The same functions shape the index text and the query on SQLite, so both sides always agree;
PostgreSQL and Elasticsearch/OpenSearch do the same folding and stemming in the engine
(see search/migrations and kompetansebroen/settings/search.py).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Folding as PostgreSQL's unaccent and Elasticsearch's asciifolding do it.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "AE", "Ø": "O", "Å": "A"})
WORD = re.compile(r"\w+")

# Words that carry no meaning in a search (Norwegian bokmål, folded).
STOP_WORDS = frozenset(
    [
        "og",
        "i",
        "pa",
        "for",
        "av",
        "til",
        "med",
        "om",
        "en",
        "et",
        "ei",
        "den",
        "det",
        "de",
        "som",
        "er",
        "a",
        "at",
        "fra",
        "ved",
        "hva",
        "hvordan",
        "hvor",
        "eller",
        "men",
        "sa",
        "seg",
        "sin",
        "sitt",
        "sine",
        "du",
        "jeg",
        "vi",
        "dere",
        "han",
        "hun",
        "meg",
        "deg",
        "oss",
    ]
)


def fold(text):
    """Lower-cased text with æøå and other diacritics folded to ASCII ("Østfold" → "ostfold")."""
    text = (text or "").translate(_FOLD).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=50_000)
def stem(word):
    """The Snowball Norwegian stem of a folded word ("kursene" → "kurs")."""
    return _stemmer().stemWord(word)


def words(text):
    """The folded words of ``text``."""
    return WORD.findall(fold(text))


def stemmed_text(text):
    """``text`` as a string of folded, stemmed words: what SQLite's FTS index stores."""
    return " ".join(stem(word) for word in words(text))


def query_terms(text):
    """The folded words of a query, without stop words."""
    terms = words(text)
    meaningful = [term for term in terms if term not in STOP_WORDS]
    return meaningful
