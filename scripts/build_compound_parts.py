"""Build search/data/compound_parts.txt: the words Norwegian compounds are split into.

A part is a word of the sample corpus (titles, summaries, body text, topic and audience names)
that Debian's bokmål word list also has (package ``wnorwegian``, file /usr/share/dict/bokmaal,
ISO-8859-1, GPL-2+), folded as search/text.py folds (æ→ae, ø→o, å→a), at least four
letters long and not a stop word nor in NOT_PARTS, plus EXTRA_PARTS (the words of the synonym
list and common clinical words, also checked against the bokmål list). Nothing is fetched when
the site runs; run this again after the corpus grows:

    apt-get download wnorwegian && dpkg-deb -x wnorwegian_*.deb /tmp/wn
    python scripts/build_compound_parts.py /tmp/wn/usr/share/dict/bokmaal tests/data/corpus.json
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.text import STOP_WORDS, fold, words  # noqa: E402

OUTPUT = ROOT / "search" / "data" / "compound_parts.txt"
MIN_PART = 4


# Clinical and everyday words visitors combine into compounds, though the corpus may not
# have them on their own yet.
def _listed(text):
    return text.split()


EXTRA_PARTS = _listed(
    "hjertesvikt hjerte svikt kurs smerte kartlegging legemiddel medisin urinvei infeksjon "
    "hjerneslag slag apopleksi eldre geriatri demens omsorg sykehjem hjemmetjeneste "
    "rehabilitering ernæring diabetes kreft lunge sykdom veileder film podkast artikkel "
    "opplæring tiltak plan behandling pleie sykepleie pasient pårørende arbeid sikkerhet"
)


# Words that are real but split compounds wrongly: inflection endings that happen to be words
# ("mest|ring", "samt|alen", "sykehjem|mene"), and prefixes and function words
# ("over|ganger", "gjennom|fores", "lege|midler"), and parts whose folded form begins common
# verbs, which query parts match as prefixes ("vær|melding": "vaer" would find "være").
NOT_PARTS = set(
    _listed(
        "alen eller elle forer fores forte ings inger laget leggende mene mens midler ring satte "
        "heng dagen legger legges legg inne varige basert "
        "over under etter gjennom sammen fore hver noen full fort samt meld mest laer lang midt "
        "egen vaer blir blitt gjore skal skulle kunne ville"
    )
)


def corpus_words(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    texts = [term["name"] for key in ("topics", "audiences") for term in data.get(key, [])]
    for item in data["items"]:
        texts += [item.get("title", ""), item.get("summary", "")]
        for block in item.get("body", []):
            texts.append(block.get("text", ""))
            texts += block.get("items", [])
    found = set()
    for text in texts:
        found.update(words(text))
    return found


def main(wordlist, corpus):
    dictionary = {
        fold(line.strip())
        for line in Path(wordlist).read_text(encoding="iso-8859-1").splitlines()
        if line.strip()
    }
    candidates = corpus_words(corpus) | {fold(word) for word in EXTRA_PARTS}
    parts = sorted(
        word
        for word in candidates
        if len(word) >= MIN_PART
        and word.isalpha()
        and word not in STOP_WORDS | NOT_PARTS
        and word in dictionary
    )
    header = [
        "# Parts Norwegian compounds are split into (search/compounds.py), folded, one a line.",
        "# Built by scripts/build_compound_parts.py: the words of the sample corpus",
        "# (tests/data/corpus.json) and of its EXTRA_PARTS, less NOT_PARTS, that Debian's bokmål",
        "# word list also has",
        "# (package wnorwegian 2.2-4, /usr/share/dict/bokmaal, from the spell-norwegian project;",
        "# licence GPL-2+). Edit by hand or build again; the engines read it at index creation.",
        f"# {len(parts)} words.",
    ]
    OUTPUT.write_text("\n".join(header + parts) + "\n", encoding="utf-8")
    print(f"{len(parts)} parts from {len(dictionary)} bokmål words → {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
