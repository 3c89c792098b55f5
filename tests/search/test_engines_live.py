"""Against a live Elasticsearch or OpenSearch server, when ELASTICSEARCH_URL or OPENSEARCH_URL
is set (skipped otherwise): index a few pages and search them in Norwegian."""

import os
import uuid

import pytest

from kompetansebroen.settings.search import search_backends

LIVE_ENV = {
    name: os.environ[name]
    for name in (
        "ELASTICSEARCH_URL",
        "ELASTICSEARCH_VERSION",
        "OPENSEARCH_URL",
        "OPENSEARCH_VERSION",
    )
    if os.environ.get(name)
}

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ({"ELASTICSEARCH_URL", "OPENSEARCH_URL"} & set(LIVE_ENV)),
        reason="no search engine: set ELASTICSEARCH_URL or OPENSEARCH_URL to run these",
    ),
]


@pytest.fixture
def live_backend(settings, index_for, topics):
    from modelsearch.backends import get_search_backend

    config = search_backends({**LIVE_ENV, "SEARCH_INDEX_PREFIX": f"kbtest{uuid.uuid4().hex[:8]}"})
    settings.WAGTAILSEARCH_BACKENDS = config
    params = dict(config["default"])
    backend = get_search_backend(params.pop("BACKEND"), **params)
    from tests.factories import CoursePageFactory

    pages = [
        CoursePageFactory(parent=index_for("course"), title="Kurs i pårørendearbeid"),
        CoursePageFactory(parent=index_for("course"), title="Grunnkurs i demensomsorg"),
    ]
    from resources.models import CoursePage

    index = backend.get_index_for_model(CoursePage)
    index.reset()
    index.add_model(CoursePage)
    index.add_items(CoursePage, pages)
    index.refresh()
    yield backend, pages
    index.delete()


def test_folded_query_finds_norwegian_title(live_backend):
    from search.query import SearchParams, search

    backend, pages = live_backend
    outcome = search(SearchParams(query="parorendearbeid"), backend=backend)
    assert [page.pk for page in outcome.results] == [pages[0].pk]


def test_typo_falls_back_to_fuzziness(live_backend):
    from search.query import SearchParams, search

    backend, pages = live_backend
    outcome = search(SearchParams(query="demensomsrog"), backend=backend)
    assert pages[1].pk in [page.pk for page in outcome.results]


def test_autocomplete_prefix_without_accents(live_backend):
    from search.query import autocomplete

    backend, pages = live_backend
    # autocomplete() returns ResourcePage rows, which never equal the CoursePage itself.
    assert pages[0].pk in [page.pk for page in autocomplete("paror", backend=backend)]


def test_first_save_creates_the_index_with_norwegian_analysis(settings, index_for):
    """A page saved before any ``update_index`` lands in an index made with our settings and
    mappings, not in one the engine makes up by itself."""
    from modelsearch.backends import get_search_backend

    from resources.models import CoursePage
    from tests.factories import CoursePageFactory

    prefix = f"kbtest{uuid.uuid4().hex[:8]}"
    config = search_backends({**LIVE_ENV, "SEARCH_INDEX_PREFIX": prefix})
    settings.WAGTAILSEARCH_BACKENDS = config
    params = dict(config["default"])
    backend = get_search_backend(params.pop("BACKEND"), **params)
    name = backend.get_index_for_model(CoursePage).name
    try:
        CoursePageFactory(parent=index_for("course"), title="Pårørendeskolen i Østfold")
        index = next(iter(backend.es.indices.get(index=name).values()))
        analysis = index["settings"]["index"]["analysis"]
        assert analysis["analyzer"]["default"]["filter"] == [
            "lowercase",
            "norwegian_stop",
            "asciifolding",
            "norwegian_decompounder",
            "norwegian_stemmer",
        ]
        assert analysis["analyzer"]["default_search"]["filter"] == [
            "lowercase",
            "norwegian_stop",
            "asciifolding",
            "norwegian_stemmer",
        ]
        edgengrams = index["mappings"]["properties"]["_edgengrams"]
        assert edgengrams["analyzer"] == "edgengram_analyzer"
        assert edgengrams["search_analyzer"] == "autocomplete_search"

        def tokens(analyzer, text):
            body = {"analyzer": analyzer, "text": text}
            return [t["token"] for t in backend.es.indices.analyze(index=name, body=body)["tokens"]]

        # Folded (æ→ae, ø→o, å→a), stop words out, then stemmed: both spellings meet.
        assert tokens("default_search", "Pårørende og kommunene") == ["paror", "kommun"]
        # At index time the decompounder adds compound parts beside the whole word.
        assert {"paror", "kommun"} <= set(tokens("default", "Pårørende og kommunene"))
        assert tokens("default_search", "parorende kommune") == ["paror", "kommun"]
        assert tokens("edgengram_analyzer", "Østfold")[:3] == ["o", "os", "ost"]
        assert tokens("autocomplete_search", "Østf") == ["ostf"]
    finally:
        backend.es.indices.delete(index=f"{prefix}_*")
