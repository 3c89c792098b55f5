"""Norwegian compound words: "hjertesviktkurs" is "hjertesvikt" + "kurs".

A compound is split into parts from the word list in ``search/data/compound_parts.txt`` (folded
words, built by ``scripts/build_compound_parts.py`` from the sample corpus and Debian's
``wnorwegian`` bokmål list; see the file's header). Parts are joined directly or with a linking
"s" or "e" ("urinvei-s-infeksjon"); the last part may be inflected ("…kursene"). The fewest parts
win, so "hjertesviktkurs" → ("hjertesvikt", "kurs"), not ("hjerte", "svikt", "kurs").

The database backends add a text's compound parts to what they index (search/backends/database.py)
and a compound query word also matches its parts (search/query.py: build_query); OpenSearch and
Elasticsearch split at index time with a ``dictionary_decompounder`` over the same word list
(kompetansebroen/settings/search.py). Nothing is fetched at run time.
"""

from functools import cache, lru_cache
from pathlib import Path

from search.text import stem, words

PARTS_FILE = Path(__file__).resolve().parent / "data" / "compound_parts.txt"
# The shortest part and the shortest compound worth splitting.
MIN_PART = 4
MIN_COMPOUND = 2 * MIN_PART
# Letters that may join two parts ("smerte|kartlegging", "urinvei|s|infeksjon").
LINKS = ("s", "e")


@lru_cache(maxsize=1)
def parts_dictionary():
    """The folded words a compound may be made of."""
    lines = PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_part(piece, last):
    if piece in parts_dictionary():
        return True
    # An inflected last part whose stem is a part: "hjertesviktkursene" ends in "kursene".
    return last and stem(piece) in parts_dictionary()


@lru_cache(maxsize=50_000)
def split(word):
    """The parts of the folded ``word`` as a tuple, or () when it is not a known compound."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    length = len(word)

    @cache
    def rest(start):
        # The fewest parts covering word[start:], or None.
        best = None
        for end in range(length, start + MIN_PART - 1, -1):
            piece = word[start:end]
            if not _is_part(piece, last=end == length):
                continue
            if end == length:
                candidate = (piece,)
            else:
                candidate = None
                tails = [rest(end)]
                if word[end] in LINKS and end + 1 < length:
                    tails.append(rest(end + 1))
                for tail in tails:
                    if tail is not None and (candidate is None or len(tail) < len(candidate) - 1):
                        candidate = (piece, *tail)
            if candidate is not None and (best is None or len(candidate) < len(best)):
                best = candidate
        return best

    best = None
    for end in range(length - MIN_PART, MIN_PART - 1, -1):  # at least two parts
        piece = word[:end]
        if piece not in parts_dictionary():
            continue
        tails = [rest(end)]
        if word[end] in LINKS and end + 1 < length:
            tails.append(rest(end + 1))
        for tail in tails:
            if tail is not None and (best is None or len(tail) + 1 < len(best)):
                best = (piece, *tail)
    return best or ()


def compound_parts(text):
    """The parts of the compounds in ``text``, as folded words separated by spaces (what the
    database backends index beside the text itself)."""
    parts = []
    for word in words(text):
        parts.extend(split(word))
    return " ".join(parts)
