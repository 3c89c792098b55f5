"""'Mente du …?': spelling suggestions from the words the site's own content uses.

The vocabulary (folded words of live resource titles, summaries and taxonomy names) is built
once and cached; publishing, unpublishing or deleting a page clears it (search/signals.py).

Each process keeps the vocabulary with an index built once (words sorted for prefix look-ups,
words by length, words by letter pair), so a query word is compared with the few words that
can reach the similarity cutoff instead of the whole vocabulary; the result is the same as
difflib over every word. The cached version stamp tells a process when its copy is stale.
"""

import bisect
import difflib
import math
import uuid
from collections import Counter, defaultdict

from django.core.cache import cache

from resources.models import Audience, ResourcePage, Topic
from search.text import WORD, fold, stem

CACHE_KEY = "search:vocabulary:v1"
VERSION_KEY = "search:vocabulary:version"
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
    return cache.get_or_set(CACHE_KEY, build_vocabulary, CACHE_SECONDS)


def clear_vocabulary(**_kwargs):
    cache.delete_many([CACHE_KEY, VERSION_KEY])


def _pairs(word):
    return {word[i : i + 2] for i in range(len(word) - 1)}


class Vocabulary:
    """The vocabulary with the look-ups suggest() needs, built once."""

    def __init__(self, known):
        self.known = known
        self.sorted = sorted(known)
        self.by_length = defaultdict(set)
        self.by_pair = defaultdict(set)
        for word in known:
            self.by_length[len(word)].add(word)
            for pair in _pairs(word):
                self.by_pair[pair].add(word)

    def has_prefix(self, prefix):
        at = bisect.bisect_left(self.sorted, prefix)
        return at < len(self.sorted) and self.sorted[at].startswith(prefix)

    def candidates(self, term, cutoff=CUTOFF):
        """Every word whose difflib ratio with ``term`` can reach ``cutoff``, and few others.

        A ratio 2M/(a+b) ≥ c needs a length b within [a·c/(2−c), a·(2−c)/c] and at least
        M = ⌈c(a+b)/2⌉ matching characters. These come in k blocks with an unmatched character
        between any two (k − 1 ≤ a + b − 2M), and a block of n letters holds n − 1 letter pairs
        of the term, so the words share at least 3M − (a+b) − 1 of the term's pair occurrences:
        at least that many distinct pairs divided by how often the term repeats a pair. Where
        that bound is zero (short words) the whole length is taken."""
        length = len(term)
        shortest = math.ceil(length * cutoff / (2 - cutoff))
        longest = math.floor(length * (2 - cutoff) / cutoff)
        occurrences = Counter(term[i : i + 2] for i in range(length - 1))
        repeats = max(occurrences.values(), default=1)
        shared = Counter()
        for pair in occurrences:
            shared.update(self.by_pair.get(pair, ()))
        needed = {}
        found = []
        for size in range(shortest, longest + 1):
            matching = math.ceil(cutoff * (length + size) / 2)
            needed[size] = math.ceil((3 * matching - (length + size) - 1) / repeats)
            if needed[size] <= 0:
                found.extend(self.by_length.get(size, ()))
        found.extend(
            word for word, count in shared.items() if 0 < needed.get(len(word), 0) <= count
        )
        return found


_LOCAL = {"version": None, "vocabulary": None}


def _indexed():
    """This process's indexed vocabulary, rebuilt when the cached one has changed."""
    version = cache.get(VERSION_KEY)
    if version is not None and version == _LOCAL["version"]:
        return _LOCAL["vocabulary"]
    indexed = Vocabulary(vocabulary())
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, CACHE_SECONDS)
    _LOCAL.update(version=version, vocabulary=indexed)
    return indexed


def _known(term, indexed):
    """A term is known when the content has it, or a word with its stem or as a prefix."""
    if term in indexed.known:
        return True
    root = stem(term)
    return indexed.has_prefix(root) if len(root) >= 4 else False


def suggest(terms):
    """A corrected query for the folded ``terms`` (corrected words as the content writes
    them), or None if every term is already known."""
    indexed = _indexed()
    known = indexed.known
    if not known:
        return None
    corrected, changed = [], False
    for term in terms:
        if len(term) < CORRECT_MIN_LENGTH or not term.isalpha() or _known(term, indexed):
            corrected.append(term)
            continue
        candidates = difflib.get_close_matches(term, indexed.candidates(term), n=5, cutoff=CUTOFF)
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
