"""Norwegian text handling: folding, stemming, stop words, and spelling suggestions."""

import pytest

from search.text import fold, query_terms, stemmed_text


def test_fold_matches_unaccent_and_asciifolding():
    assert fold("Pårørende i Østfold og Ærøy, café") == "parorende i ostfold og aeroy, cafe"


def test_inflections_and_folded_spellings_stem_alike():
    assert stemmed_text("kurset kursene") == "kurs kurs"
    assert stemmed_text("pårørende") == stemmed_text("parorende")
    assert stemmed_text("legemidler") == stemmed_text("Legemidler")


def test_query_terms_drop_stop_words_and_syntax():
    assert query_terms('kurs i "legemiddelhåndtering" AND *') == [
        "kurs",
        "legemiddelhandtering",
        "and",
    ]
    assert query_terms("og i på") == []


@pytest.mark.django_db
def test_suggestion_comes_from_the_sites_own_words(index_for):
    from django.core.cache import cache

    from search.suggest import suggest
    from tests.factories import CoursePageFactory

    cache.clear()
    CoursePageFactory(parent=index_for("course"), title="Grunnkurs i demensomsorg for Østfold")
    assert suggest(["demensomsrog"]) == "demensomsorg"
    assert suggest(["oestfold"]) == "østfold"
    assert suggest(["demensomsorg"]) is None  # known words are left alone
    cache.clear()
