"""'Mente du …?': spelling suggestions from the words the site's own content uses.

The vocabulary (folded words of live resource titles, summaries and taxonomy names) is built
once and cached; publishing, unpublishing or deleting a page clears it (search/signals.py).
"""

import difflib
from collections import Counter

from django.core.cache import cache

from resources.models import Audience, ResourcePage, Topic
from search.text import WORD, fold, stem

CACHE_KEY = "search:vocabulary:v1"
CACHE_SECONDS = 60 * 60
MIN_WORD_LENGTH = 3
# Shorter query words are never corrected (too many near neighbours).
CORRECT_MIN_LENGTH = 4
# How alike a query word and a vocabulary word must be (difflib ratio, 0–1).
CUTOFF = 0.75


def build_vocabulary():
    """{folded word: (occurrences, the word as written)} over live resource titles and
    summaries and taxonomy names."""
    counts, written = Counter(), {}

    def add(text):
        for word in WORD.findall(text.lower()):
            folded = fold(word)
            if len(folded) >= MIN_WORD_LENGTH and folded.isalpha():
                counts[folded] += 1
                written.setdefault(folded, word)

    for title, summary in (
        ResourcePage.objects.live().values_list("title", "summary").iterator(chunk_size=2000)
    ):
        add(f"{title} {summary}")
    for model in (Topic, Audience):
        for name in model.objects.values_list("name", flat=True):
            add(name)
    return {word: (count, written[word]) for word, count in counts.items()}


def vocabulary():
    known = cache.get(CACHE_KEY)
    if known is None:
        known = build_vocabulary()
        cache.set(CACHE_KEY, known, CACHE_SECONDS)
    return known


def clear_vocabulary(**_kwargs):
    cache.delete(CACHE_KEY)


def _known(term, known):
    """A term is known when the content has it, or a word with its stem or as a prefix."""
    if term in known:
        return True
    root = stem(term)
    return any(word.startswith(root) for word in known) if len(root) >= 4 else False


def suggest(terms):
    """A corrected query for the folded ``terms`` (corrected words as the content writes
    them), or None if every term is already known."""
    known = vocabulary()
    if not known:
        return None
    corrected, changed = [], False
    for term in terms:
        if len(term) < CORRECT_MIN_LENGTH or not term.isalpha() or _known(term, known):
            corrected.append(term)
            continue
        candidates = difflib.get_close_matches(term, known, n=5, cutoff=CUTOFF)
        if not candidates:
            corrected.append(term)
            continue
        best = max(
            candidates,
            key=lambda word: (difflib.SequenceMatcher(None, term, word).ratio(), known[word][0]),
        )
        corrected.append(known[best][1])
        changed = True
    return " ".join(corrected) if changed else None
