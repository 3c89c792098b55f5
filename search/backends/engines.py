"""Wagtail's Elasticsearch/OpenSearch backends with Norwegian autocomplete.

The index analysis itself comes from INDEX_SETTINGS (kompetansebroen/settings/search.py). Wagtail
searches edge n-gram fields with the built-in ``standard`` analyzer, which does not fold æøå, so
"paror" would never meet the indexed n-grams of "pårørende"; these mappings use our folding
``autocomplete_search`` analyzer instead.
"""

from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch2, opensearch3

AUTOCOMPLETE_ANALYZERS = {
    "analyzer": "edgengram_analyzer",
    "search_analyzer": "autocomplete_search",
}


class Elasticsearch8Mapping(elasticsearch8.Elasticsearch8Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class Elasticsearch9Mapping(elasticsearch9.Elasticsearch9Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class OpenSearch2Mapping(opensearch2.OpenSearch2Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class OpenSearch3Mapping(opensearch3.OpenSearch3Mapping):
    edgengram_analyzer_config = AUTOCOMPLETE_ANALYZERS


class Elasticsearch8Backend(elasticsearch8.Elasticsearch8SearchBackend):
    mapping_class = Elasticsearch8Mapping
    supports_fuzzy = True


class Elasticsearch9Backend(elasticsearch9.Elasticsearch9SearchBackend):
    mapping_class = Elasticsearch9Mapping
    supports_fuzzy = True


class OpenSearch2Backend(opensearch2.OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    supports_fuzzy = True


class OpenSearch3Backend(opensearch3.OpenSearch3SearchBackend):
    mapping_class = OpenSearch3Mapping
    supports_fuzzy = True
