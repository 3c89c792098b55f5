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


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("hjertesviktkurs", ("hjertesvikt", "kurs")),  # the fewest parts, not hjerte+svikt+kurs
        ("smertekartlegging", ("smerte", "kartlegging")),
        ("urinveisinfeksjon", ("urinvei", "infeksjon")),  # linking "s"
        ("legemiddelhandtering", ("legemiddel", "handtering")),
        ("parorendearbeid", ("parorende", "arbeid")),
        ("hjertesviktkursene", ("hjertesvikt", "kursene")),  # an inflected last part
        ("demensomsorgen", ("demens", "omsorgen")),
    ],
)
def test_compounds_split_into_their_parts(word, parts):
    from search.compounds import split

    assert split(word) == parts


@pytest.mark.parametrize(
    "word",
    # Not compounds, though a real word hides in them ("analyse|ring", "sykehjem|mene"); too
    # short; not a word.
    ["analysering", "rapportering", "sykehjemmene", "ungdommens", "legemidler", "kurs", "news2"],
)
def test_words_that_only_look_like_compounds_stay_whole(word):
    from search.compounds import split

    assert split(word) == ()


def test_compound_parts_of_a_text_are_folded_words():
    from search.compounds import compound_parts

    assert compound_parts("Hjertesviktkurs og smertekartlegging i Østfold") == (
        "hjertesvikt kurs smerte kartlegging"
    )
    assert compound_parts("Kurs om demens") == ""


def test_compound_word_list_says_where_it_came_from_and_is_folded():
    from search.compounds import PARTS_FILE, parts_dictionary

    lines = PARTS_FILE.read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    assert "wnorwegian" in header and "GPL-2+" in header
    parts = parts_dictionary()
    assert len(parts) > 2000
    assert {"hjertesvikt", "kurs", "smerte", "parorende"} <= parts
    assert not any(set(word) & set("æøå") for word in parts)
    assert not {"ring", "mens", "over", "og"} & parts  # noise and stop words are left out


def test_typo_distance_counts_swaps_once():
    from search.lexicon import close_enough, edit_distance

    assert edit_distance("demenns", "demens") == 1
    assert edit_distance("demnes", "demens") == 1
    assert close_enough("smitevern", "smittevern")
    assert not close_enough("boliglan", "boligen")  # another word, not a typo


def test_place_names_map_to_regions():
    from search.lexicon import places_in

    assert places_in(["kurs", "hamar"]) == (["innlandet"], ["hamar"])
    assert places_in(["tonsberg", "fredrikstad"]) == (
        ["vestfold", "ostfold"],
        ["tonsberg", "fredrikstad"],
    )
    assert places_in(["bergen"]) == ([], [])  # not an area of the portal


@pytest.mark.django_db
def test_seeded_synonyms_work_both_ways_and_one_way():
    from search.lexicon import clear_synonyms, synonyms_for

    clear_synonyms()
    assert {"slag", "apopleksi"} <= set(synonyms_for("hjerneslag"))
    assert "hjerneslag" in synonyms_for("apopleksi")
    assert "urinveisinfeksjon" in synonyms_for("uvi")
    assert "uvi" in synonyms_for("urinveisinfeksjon")
    assert "legemiddel" in synonyms_for("medisin") and "medisin" in synonyms_for("legemiddel")
    assert "geriatri" in synonyms_for("eldre")
    assert "copd" in synonyms_for("kols") and "kols" in synonyms_for("copd")
    assert "kronisk obstruktiv lungesykdom" in synonyms_for("kols")
    # One way: "medisiner" finds "legemidler", not the other way round.
    assert "legemidler" in synonyms_for("medisiner")
    assert "medisiner" not in synonyms_for("legemidler")
    # An inflection finds its word's synonyms.
    assert "apopleksi" in synonyms_for("hjerneslaget")
    assert synonyms_for("boliglan") == []


@pytest.mark.django_db
def test_synonyms_edited_in_the_admin_apply_at_once():
    from search.lexicon import clear_synonyms, synonyms_for
    from search.models import Synonym

    clear_synonyms()
    assert synonyms_for("kateter") == []
    group = Synonym.objects.create(words="Kateter, urinkateter, blærekateter")
    assert synonyms_for("kateter") == ["urinkateter", "blaerekateter"]
    group.words = "kateter, KAD"
    group.save()
    assert synonyms_for("kateter") == ["kad"]
    group.delete()
    assert synonyms_for("kateter") == []


@pytest.mark.django_db
def test_build_query_asks_for_a_compound_its_parts_or_its_synonyms():
    from modelsearch.query import And, Or, PlainText

    from search.lexicon import clear_synonyms
    from search.terms import build_query

    clear_synonyms()
    query = build_query(["hjertesviktkurs"])
    assert isinstance(query, Or)
    texts = [(sub.query_string, sub.operator) for sub in query.subqueries]
    assert texts == [("hjertesviktkurs", "and"), ("hjertesvikt kurs", "and")]
    query = build_query(["uvi", "eldre"])
    assert isinstance(query, And)
    first, second = query.subqueries
    assert [sub.query_string for sub in first.subqueries] == ["uvi", "urinveisinfeksjon"]
    assert "geriatri" in [sub.query_string for sub in second.subqueries]
    assert isinstance(build_query(["demens"]), PlainText)


@pytest.mark.django_db
def test_synonyms_are_a_snippet_editors_can_edit_in_the_admin(admin_client):
    from django.urls import reverse

    from search.models import Synonym

    listing = admin_client.get(reverse("wagtailsnippets_search_synonym:list"))
    assert listing.status_code == 200
    assert "hjerneslag, slag, apopleksi" in listing.content.decode()
    response = admin_client.post(
        reverse("wagtailsnippets_search_synonym:add"), {"words": "kateter, KAD", "one_way": ""}
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(words="kateter, KAD").exists()


def test_query_terms_are_distinct_and_capped():
    from search.terms import MAX_TERMS, search_terms

    assert search_terms("demens Demens demensomsorg") == ["demens", "demensomsorg"]
    words = " ".join(f"ord{number}x" for number in range(20))
    assert len(search_terms(words)) == MAX_TERMS == 8
    assert search_terms(words)[0] == search_terms("ord0x")[0]
