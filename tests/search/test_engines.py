"""Elasticsearch/OpenSearch without a server: the backend chosen from the environment, the
Norwegian index settings, the mappings Wagtail sends and the query bodies it builds."""

from django.core.exceptions import ImproperlyConfigured

import pytest
from modelsearch.backends import get_search_backend
from modelsearch.query import Fuzzy, Or, PlainText

from kompetansebroen.settings.search import ENGINE_INDEX_SETTINGS, search_backends

ENGINES = [
    ({"ELASTICSEARCH_URL": "http://es:9200"}, "search.backends.engines.Elasticsearch8Backend"),
    (
        {"ELASTICSEARCH_URL": "http://es:9200", "ELASTICSEARCH_VERSION": "9"},
        "search.backends.engines.Elasticsearch9Backend",
    ),
    ({"OPENSEARCH_URL": "http://os:9200"}, "search.backends.engines.OpenSearch2Backend"),
    (
        {"OPENSEARCH_URL": "http://os:9200", "OPENSEARCH_VERSION": "3"},
        "search.backends.engines.OpenSearch3Backend",
    ),
]


def test_database_backend_by_default_with_norwegian_configs():
    config = search_backends({})["default"]
    assert config["BACKEND"] == "search.backends.database"
    assert config["SEARCH_CONFIG"] == "kb_norwegian"
    assert config["AUTOCOMPLETE_CONFIG"] == "kb_simple"


@pytest.mark.parametrize(("environ", "backend"), ENGINES)
def test_engine_from_environment_with_prefix_and_norwegian_settings(environ, backend):
    config = search_backends({**environ, "SEARCH_INDEX_PREFIX": "staging"})["default"]
    assert config["BACKEND"] == backend
    assert config["INDEX_PREFIX"] == "staging_"
    assert config["URLS"] == [next(iter(environ.values()))]
    assert config["INDEX_SETTINGS"] is ENGINE_INDEX_SETTINGS


def test_unknown_engine_version_refuses_to_start():
    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_VERSION"):
        search_backends({"ELASTICSEARCH_URL": "http://es:9200", "ELASTICSEARCH_VERSION": "6"})


def engine(environ):
    params = dict(search_backends(environ)["default"])
    return get_search_backend(params.pop("BACKEND"), **params)


@pytest.mark.parametrize(("environ", "backend"), ENGINES)
def test_index_settings_fold_then_stem_the_same_way_at_index_and_query_time(environ, backend):
    settings = engine(environ).settings["settings"]
    analysis = settings["analysis"]
    default = analysis["analyzer"]["default"]
    # Folding before the Norwegian stemmer, so "pårørende" and "parorende" stem alike.
    filters = default["filter"]
    assert filters.index("asciifolding") < filters.index("norwegian_stemmer")
    assert filters.index("norwegian_stop") < filters.index("asciifolding")
    assert analysis["filter"]["norwegian_stemmer"] == {"type": "stemmer", "language": "norwegian"}
    # Compounds are split at index time, from the repository's word list, after folding (the
    # list is folded) and before stemming; queries are analysed the same way without the split
    # (search/query.py asks for a compound or all its parts).
    assert filters.index("asciifolding") < filters.index("norwegian_decompounder")
    assert filters.index("norwegian_decompounder") < filters.index("norwegian_stemmer")
    decompounder = analysis["filter"]["norwegian_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert {"hjertesvikt", "kurs", "smerte", "kartlegging"} <= set(decompounder["word_list"])
    search_filters = analysis["analyzer"]["default_search"]["filter"]
    assert search_filters == [f for f in filters if f != "norwegian_decompounder"]
    # Autocomplete: folded edge n-grams, searched with a folding analyzer.
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert analysis["analyzer"]["autocomplete_search"]["filter"] == ["lowercase", "asciifolding"]
    # Wagtail's own analyzers survive the merge.
    assert "ngram_analyzer" in analysis["analyzer"]
    assert settings["index"]["max_ngram_diff"] >= 19


@pytest.mark.django_db
@pytest.mark.parametrize(("environ", "backend"), ENGINES)
def test_mapping_indexes_resource_fields_and_folds_autocomplete(environ, backend):
    from resources.models import CoursePage, FilmPage

    search_engine = engine(environ)
    assert search_engine.get_index_for_model(CoursePage).name.startswith("kompetansebroen_")
    mapping = search_engine.mapping_class(FilmPage).get_mapping()["properties"]
    edgengrams = mapping["_edgengrams"]
    assert edgengrams["analyzer"] == "edgengram_analyzer"
    assert edgengrams["search_analyzer"] == "autocomplete_search"
    names = set(mapping)
    for field in ("summary", "body", "transcript", "owner_region_id", "date", "source_id"):
        assert any(field in name for name in names), field
    assert any(name.endswith("__topics") for name in names)


@pytest.mark.django_db
def test_query_bodies_search_all_text_and_fall_back_to_fuzziness():
    from resources.models import ResourcePage

    search_engine = engine({"ELASTICSEARCH_URL": "http://es:9200"})
    queryset = ResourcePage.objects.live()
    plain = search_engine.query_compiler_class(queryset, PlainText("parorende")).get_query()
    assert "parorende" in str(plain)
    fuzzy = search_engine.query_compiler_class(queryset, Fuzzy("demenns")).get_query()
    assert "'fuzziness': 'AUTO'" in str(fuzzy)
    assert search_engine.supports_fuzzy


@pytest.mark.django_db
@pytest.mark.parametrize(("environ", "backend"), ENGINES)
def test_query_adds_up_the_fields_scores_as_the_database_backends_do(environ, backend):
    from resources.models import ResourcePage

    search_engine = engine(environ)
    queryset = ResourcePage.objects.live()
    plain = search_engine.query_compiler_class(queryset, PlainText("sepsis")).get_query()
    multi_match = plain["bool"]["must"]["multi_match"]
    assert multi_match["tie_breaker"] == 1.0 and len(multi_match["fields"]) >= 2
    either = Or([PlainText("sepsis"), PlainText("blodforgiftning")])
    dis_max = search_engine.query_compiler_class(queryset, either).get_query()["bool"]["must"]
    assert dis_max["dis_max"]["tie_breaker"] == 1.0


@pytest.mark.parametrize(("environ", "backend"), ENGINES)
def test_engine_index_calls_the_client_with_keywords(environ, backend):
    from unittest import mock

    search_engine = engine(environ)
    index = search_engine.index_class(search_engine, "kompetansebroen_test")
    search_engine.es = index.es = mock.Mock()
    index.refresh()
    index.delete()
    for call in index.es.method_calls:
        assert call.args == (), call
