"""Words to search for that no earlier request has asked (benchmarks/pages_bench.py's
"search API, new words"): a kept match or result cannot answer them."""

import json
import random
import re
import urllib.parse
from pathlib import Path


def corpus_words(corpus_path):
    """The distinct words of five letters or more in the corpus's titles and summaries, in an
    order that is the same on every run."""
    items = json.loads(Path(corpus_path).read_text(encoding="utf-8")).get("items", [])
    found = set()
    for item in items:
        for field in ("title", "summary"):
            found.update(
                word.lower() for word in re.findall(r"[^\W\d_]{5,}", item.get(field) or "")
            )
    words = sorted(found)
    random.Random(14).shuffle(words)
    return words


def url_source(url, words):
    """A function giving the URL to request next: ``url`` itself, or with a word not used
    before in place of ``{word}``."""
    if "{word}" not in url:
        return lambda: url
    unused = iter(words)
    return lambda: url.replace("{word}", urllib.parse.quote(next(unused)))
