"""Builds WAGTAILSEARCH_BACKENDS from the environment.

The database backend (search/backends/database.py) is the default; ELASTICSEARCH_URL or
OPENSEARCH_URL switch to an engine (version from ELASTICSEARCH_VERSION 8/9 or OPENSEARCH_VERSION
2/3, as Wagtail's own test settings do). Every backend reads Norwegian the same way: text is
folded (æ→ae, ø→o, å→a) before the Snowball Norwegian stemmer, at index and at query time.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from . import env

# The parts Norwegian compounds are split into (see search/compounds.py, which splits the same
# way in Python for the database backends).
COMPOUND_PARTS_FILE = Path(__file__).resolve().parents[2] / "search" / "data" / "compound_parts.txt"


def compound_parts():
    lines = COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# PostgreSQL text-search configurations created by search/migrations/0001 (ignored on SQLite).
POSTGRES_SEARCH_CONFIG = "kb_norwegian"
POSTGRES_AUTOCOMPLETE_CONFIG = "kb_simple"

# Analysis for Elasticsearch/OpenSearch, merged into Wagtail's defaults. ``default`` is used for
# every text field at index time and ``default_search`` at query time; stop words are removed
# before folding because the Norwegian stop list is spelt with æøå. At index time compounds are
# also split into their parts (``norwegian_decompounder``, analysis-common's
# dictionary_decompounder over search/data/compound_parts.txt), so "kurs" finds
# "hjertesviktkurs"; queries are not split by the engine, since the parts of a query word would
# then each match alone: search/query.py asks for a compound or all its parts instead.
# Autocomplete edge n-grams are folded the same way and searched with ``autocomplete_search``
# (see search/backends/engines.py).
ENGINE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "norwegian_stop": {"type": "stop", "stopwords": "_norwegian_"},
                "norwegian_stemmer": {"type": "stemmer", "language": "norwegian"},
                "norwegian_decompounder": {
                    "type": "dictionary_decompounder",
                    "word_list": compound_parts(),
                    "min_subword_size": 4,
                    "only_longest_match": True,
                },
                "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "norwegian_stop",
                        "asciifolding",
                        "norwegian_decompounder",
                        "norwegian_stemmer",
                    ],
                },
                "default_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "norwegian_stop", "asciifolding", "norwegian_stemmer"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "edgengram"],
                },
                "autocomplete_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
            },
        },
        "index": {"max_ngram_diff": 19},
    }
}

ENGINE_BACKENDS = {
    ("ELASTICSEARCH_URL", "8"): "search.backends.engines.Elasticsearch8Backend",
    ("ELASTICSEARCH_URL", "9"): "search.backends.engines.Elasticsearch9Backend",
    ("OPENSEARCH_URL", "2"): "search.backends.engines.OpenSearch2Backend",
    ("OPENSEARCH_URL", "3"): "search.backends.engines.OpenSearch3Backend",
}


def _engine(variable, version, url, index_prefix):
    backend = ENGINE_BACKENDS.get((variable, version))
    if backend is None:
        allowed = sorted(v for (name, v) in ENGINE_BACKENDS if name == variable)
        raise ImproperlyConfigured(f"{variable.split('_')[0]}_VERSION must be one of {allowed}")
    return {
        "default": {
            "BACKEND": backend,
            "URLS": [url],
            "INDEX_PREFIX": f"{index_prefix}_",
            "TIMEOUT": 10,
            "INDEX_SETTINGS": ENGINE_INDEX_SETTINGS,
        }
    }


def search_backends(environ=None):
    get = env.get if environ is None else environ.get
    index_prefix = get("SEARCH_INDEX_PREFIX") or "kompetansebroen"
    if get("ELASTICSEARCH_URL"):
        version = get("ELASTICSEARCH_VERSION") or "8"
        return _engine("ELASTICSEARCH_URL", version, get("ELASTICSEARCH_URL"), index_prefix)
    if get("OPENSEARCH_URL"):
        version = get("OPENSEARCH_VERSION") or "2"
        return _engine("OPENSEARCH_URL", version, get("OPENSEARCH_URL"), index_prefix)
    return {
        "default": {
            "BACKEND": "search.backends.database",
            "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG,
            "AUTOCOMPLETE_CONFIG": POSTGRES_AUTOCOMPLETE_CONFIG,
        }
    }
