"""The corpus format carries research items (type "research"): the importer writes their
publication fields, and a bad DOI or a research item without DOI or link stops the import with
one readable line."""

import pytest

from builder.importer import CorpusError, import_corpus
from resources.models import ResearchArticlePage
from tests.builder.conftest import SMALL_CORPUS, _item, _page

pytestmark = pytest.mark.django_db


def research_corpus(**fields):
    item = _item(
        "research-001",
        "research",
        "Faste rutiner for legemiddelgjennomgang",
        region="innlandet",
        authors=["Ingrid Solberg", "Anders Haugen"],
        institution="Senter for praksisnær forskning",
        publication="Nordisk tidsskrift for praksisnær helseforskning",
        year=2025,
        doi="https://doi.org/10.5555/demo.2025.014",
        practice_summary="Færre feil med faste rutiner.",
        implementation_notes="Avtal faste datoer.\n\nSpør sykehusapoteket om <hjelp>.",
    )
    item.update(fields)
    regions = [region for region in SMALL_CORPUS["regions"] if region["slug"] == "innlandet"]
    return {**SMALL_CORPUS, "regions": regions, "items": [item]}


def test_research_item_is_imported_with_its_publication_fields():
    summary = import_corpus(research_corpus())

    assert summary.counts["research"]["created"] == 1
    page = _page("research-001")
    assert isinstance(page, ResearchArticlePage) and page.live
    assert page.url == "/innlandet/forskning/faste-rutiner-for-legemiddelgjennomgang/"
    assert page.author_names == ["Ingrid Solberg", "Anders Haugen"]
    assert (page.publication_year, page.doi) == (2025, "10.5555/demo.2025.014")
    assert page.implementation_notes == (
        "<p>Avtal faste datoer.</p><p>Spør sykehusapoteket om &lt;hjelp&gt;.</p>"
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"doi": "10.5555"},
            "item 'research-001' field 'doi': expected a DOI like 10.1234/abcd",
        ),
        (
            {"doi": None, "link": None},
            "item 'research-001' field 'doi': a research item needs a doi or a link",
        ),
        ({"year": 1850}, "item 'research-001' field 'year': expected a year from 1900"),
    ],
)
def test_bad_research_item_is_refused_with_one_line(fields, expected):
    with pytest.raises(CorpusError, match=expected):
        import_corpus(research_corpus(**fields))
    assert not ResearchArticlePage.objects.exists()
