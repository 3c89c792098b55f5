"""The corpus importer: pages land in the right place, re-imports update instead of
duplicating, and a bad file is rejected with one readable line before anything is written."""

import copy
import datetime
import io
from pathlib import Path

from django.core.management import call_command
from django.utils.timezone import localtime

from wagtail.models import Page

import pytest

from builder.importer import CorpusError, import_corpus, load_corpus_file
from builder.importer.summary import OUTCOMES
from builder.tree import ensure_index_page
from home.models import RegionPage
from projects.models import ProjectPage
from regions.models import Region
from resources.models import (
    ArticlePage,
    Audience,
    CoursePage,
    EventPage,
    FilmPage,
    NewsPage,
    PodcastEpisodePage,
    PodcastSeriesPage,
    ResourcePage,
    ThemePage,
    Topic,
)
from tests.builder.conftest import SMALL_CORPUS, SMALL_TYPES, _item, _page, _write

REPO = Path(__file__).resolve().parents[2]
# A copy of ../shared/corpus/corpus.json, so a clone on its own runs the full-corpus tests.
CORPUS_FILE = REPO / "tests" / "data" / "corpus.json"

pytestmark = pytest.mark.django_db


def outcomes(**counts):
    """A full row of outcome counts: the ones given, zero for the rest."""
    return {outcome: counts.get(outcome, 0) for outcome in OUTCOMES}


def test_import_creates_one_published_page_per_item_and_the_series(corpus):
    summary = import_corpus(corpus)

    created = {slug: row["created"] for slug, row in summary.counts.items() if row["created"]}
    assert created == SMALL_TYPES
    assert summary.total_pages == 11
    assert ResourcePage.objects.live().count() == 11
    assert ResourcePage.objects.filter(live=False).count() == 0
    course = _page("course-001")
    assert isinstance(course, CoursePage)
    assert (course.duration_minutes, course.provider, course.has_exam) == (
        120,
        "Kompetansebroen",
        True,
    )
    assert [topic.slug for topic in course.topics.all()] == ["legemidler"]
    assert [audience.slug for audience in course.audiences.all()] == ["helsepersonell"]
    assert course.date == datetime.date(2024, 3, 15)
    assert localtime(course.first_published_at).isoformat() == "2024-03-15T00:00:00+01:00"


def test_taxonomy_is_created_in_the_default_locale_with_region_pages(corpus):
    import_corpus(corpus)

    assert set(Region.objects.values_list("slug", flat=True)) == {"ahus", "innlandet", "oslo"}
    assert Topic.objects.get(slug="demens").description == "Demenssykdom."
    assert set(Audience.objects.values_list("slug", flat=True)) == {"helsepersonell", "studenter"}
    assert RegionPage.objects.filter(region__slug="oslo").exists()


def test_every_imported_page_is_reachable_at_its_url(client, corpus):
    import_corpus(corpus)

    for page in ResourcePage.objects.all():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.split(" ")[0] in response.content.decode()


def test_regional_items_land_under_their_region_and_national_ones_under_the_front_page(corpus):
    import_corpus(corpus)

    regional = _page("course-002")
    assert regional.url.startswith("/ahus/e-kurs/")
    assert regional.owner_region.slug == "ahus"
    national = _page("course-001")
    assert national.url == "/e-kurs/legemiddelhandtering-for-helsefagarbeidere/"
    assert national.owner_region is None
    assert _page("event-001").url.startswith("/oslo/kurs-og-moteplasser/")
    assert _page("project-001").url.startswith("/innlandet/prosjekter/")


def test_shared_news_is_shown_in_the_regions_it_is_shared_with(corpus):
    import_corpus(corpus)

    news = _page("news-001")
    assert isinstance(news, NewsPage)
    assert {region.slug for region in news.areas.all()} == {"ahus", "oslo"}
    assert {region.slug for region in news.shown_in_areas()} == {"ahus", "innlandet", "oslo"}


def test_episodes_go_under_a_series_page_that_unions_their_topics(corpus):
    import_corpus(corpus)

    series = PodcastSeriesPage.objects.get()
    assert series.title == "Samhandlingspodden"
    assert series.url == "/podkast/samhandlingspodden/"
    assert series.summary
    assert {topic.slug for topic in series.topics.all()} == {"demens", "legemidler"}
    episode = _page("podcast_episode-001")
    assert isinstance(episode, PodcastEpisodePage)
    assert episode.get_parent().pk == series.pk
    assert [block.value for block in episode.guests] == ["kommuneoverlege", "rådgiver"]
    assert episode.audio_url.endswith("/01.mp3")


def test_type_specific_fields_are_imported(corpus):
    import_corpus(corpus)

    event = _page("event-001")
    assert isinstance(event, EventPage)
    assert event.start.isoformat() == "2025-10-08T11:00:00+00:00"  # 13:00 in Oslo (CEST)
    assert event.registration_deadline == datetime.date(2025, 10, 6)
    assert event.online and event.capacity is None
    film = _page("film-001")
    assert isinstance(film, FilmPage)
    assert film.has_captions and film.duration_seconds == 420
    project = _page("project-001")
    assert isinstance(project, ProjectPage)
    assert (project.start_year, project.end_year, project.status) == (2023, 2026, "aktiv")
    assert [block.value for block in project.partners] == ["Sykehuset Innlandet", "Gjøvik kommune"]
    theme = _page("theme-001")
    assert isinstance(theme, ThemePage)
    assert theme.topic.slug == "demens"
    assert [topic.slug for topic in theme.topics.all()] == ["demens"]
    assert isinstance(_page("article-001"), ArticlePage)


def test_body_becomes_heading_and_escaped_rich_text_blocks(corpus):
    import_corpus(corpus)

    body = _page("article-001").body
    assert [block.block_type for block in body] == ["heading", "paragraph", "paragraph"]
    assert body[0].value["text"] == "Om innholdet" and body[0].value["level"] == "h2"
    assert body[1].value.source == "<p>Brødtekst med &lt;tegn&gt; &amp; mer.</p>"
    assert body[2].value.source == "<p>Du lærer:</p><ul><li>Én ting</li><li>En annen ting</li></ul>"


def test_pages_are_published_through_revisions(corpus):
    import_corpus(corpus)

    page = _page("film-001")
    assert page.revisions.count() == 1
    assert page.live_revision_id == page.latest_revision_id


def test_second_import_updates_instead_of_duplicating(corpus):
    import_corpus(corpus)
    pages_before = Page.objects.count()

    summary = import_corpus(copy.deepcopy(SMALL_CORPUS))

    assert Page.objects.count() == pages_before
    assert summary.totals() == outcomes(unchanged=11)
    assert all(
        row["unchanged"] == SMALL_TYPES[slug]
        for slug, row in summary.counts.items()
        if slug in SMALL_TYPES
    )


def test_changed_title_is_updated_and_counted(corpus):
    import_corpus(corpus)
    original = _page("film-001")
    corpus["items"][4]["title"] = "Slik måler du blodtrykk – ny versjon"

    summary = import_corpus(corpus)

    assert summary.counts["film"] == outcomes(updated=1)
    assert summary.totals()["unchanged"] == 10
    page = _page("film-001")
    assert page.pk == original.pk
    assert page.title == "Slik måler du blodtrykk – ny versjon"
    assert page.url == original.url  # the address stays stable
    assert page.revisions.count() == 2
    assert localtime(page.last_published_at).date() == datetime.date(2024, 3, 15)


def test_changed_region_moves_the_page(client, corpus):
    import_corpus(corpus)
    corpus["items"][5]["region"] = "oslo"  # article-001 moves from Innlandet to Oslo

    summary = import_corpus(corpus)

    assert summary.counts["article"]["updated"] == 1
    page = _page("article-001")
    assert page.url.startswith("/oslo/fagartikler/")
    assert page.owner_region.slug == "oslo"
    assert client.get(page.url).status_code == 200
    assert ArticlePage.objects.count() == 1


def test_progress_and_summary_are_printed(tmp_path, corpus):
    corpus["items"] += [
        _item(f"article-{number:03}", "article", f"Fagartikkel nummer {number}")
        for number in range(2, 20)
    ]
    out = io.StringIO()

    call_command("import_corpus", str(_write(tmp_path, corpus)), stdout=out)

    output = out.getvalue()
    assert "  25/28 items" in output
    assert "  28/28 items" in output
    assert "taxonomy: " in output and "29 pages in " in output
    created = next(line for line in output.splitlines() if line.startswith("created "))
    assert created.split()[1] == "29"  # 28 items and the podcast series
    assert "article 19" in created


def test_slugs_already_in_the_database_may_be_used(corpus):
    import_corpus(corpus)
    later = {"format": corpus["format"], "items": [_item("article-099", "article", "Senere")]}
    later["items"][0]["region"] = "ahus"

    summary = import_corpus(later)

    assert summary.counts["article"]["created"] == 1
    assert _page("article-099").url.startswith("/ahus/")


def test_failure_while_writing_rolls_back_everything(corpus):
    # An editor already made the "Demens" theme page by hand, so the imported theme for the
    # same topic fails model validation half-way; regions and pages written before must go.
    topic = Topic.objects.create(slug="demens", name="Demens")
    ensure_index_page("theme").add_child(
        instance=ThemePage(
            title="Demens (manuell)", slug="demens-manuell", summary="x", topic=topic
        )
    )
    pages, regions = Page.objects.count(), Region.objects.count()

    with pytest.raises(CorpusError, match="item 'theme-001' field 'topic'"):
        import_corpus(corpus)

    assert (Page.objects.count(), Region.objects.count()) == (pages, regions)
    assert not ResourcePage.objects.exclude(source_id="").exists()


def test_full_corpus_imports_reachable_pages_and_reimports_as_unchanged(client):
    data = load_corpus_file(CORPUS_FILE)
    item_count = len(data["items"])

    first = import_corpus(data)

    assert first.totals()["created"] == item_count + len(
        {item["series"] for item in data["items"] if item["type"] == "podcast_episode"}
    )
    assert ResourcePage.objects.filter(source_id__in=[i["id"] for i in data["items"]]).count() == (
        item_count
    )
    for item in data["items"]:
        page = ResourcePage.objects.get(source_id=item["id"])
        expected_prefix = f"/{item['region']}/" if item["region"] else "/"
        assert page.url.startswith(expected_prefix), item["id"]
        assert client.get(page.url).status_code == 200, page.url
    pages = Page.objects.count()

    second = import_corpus(load_corpus_file(CORPUS_FILE))

    assert Page.objects.count() == pages
    assert second.totals() == outcomes(unchanged=first.total_pages)


def test_moved_page_and_new_sibling_share_a_new_parent(client, corpus):
    import_corpus(corpus)
    corpus["items"][5]["region"] = "oslo"  # article-001 moves into a fresh Oslo index …
    corpus["items"].append(_item("article-002", "article", "Ny artikkel", region="oslo"))

    summary = import_corpus(corpus)  # … and a new article is created beside it

    assert summary.counts["article"] == outcomes(created=1, updated=1)
    for item_id in ("article-001", "article-002"):
        page = _page(item_id)
        assert page.url.startswith("/oslo/fagartikler/")
        assert client.get(page.url).status_code == 200


def test_series_moves_with_its_episodes_when_their_region_changes(client, corpus):
    import_corpus(corpus)
    for item in corpus["items"]:
        if item["type"] == "podcast_episode":
            item["region"] = "ahus"

    summary = import_corpus(corpus)

    assert summary.counts["podcast_series"]["updated"] == 1
    assert summary.counts["podcast_episode"]["updated"] == 2
    series = PodcastSeriesPage.objects.get()
    assert series.url == "/ahus/podkast/samhandlingspodden/"
    for item_id in ("podcast_episode-001", "podcast_episode-002"):
        page = _page(item_id)
        assert page.get_parent().pk == series.pk
        assert page.owner_region.slug == "ahus"
        assert client.get(page.url).status_code == 200


def test_episodes_of_one_series_must_share_a_region(corpus):
    corpus["items"][3]["region"] = "ahus"

    with pytest.raises(CorpusError, match="item 'podcast_episode-002' field 'region': series"):
        import_corpus(corpus)


def test_moving_into_an_index_with_the_same_slug_keeps_addresses_unique(client, corpus):
    corpus["items"].append(_item("article-002", "article", "Når mor blir syk", region="oslo"))
    import_corpus(corpus)
    corpus["items"][5]["region"] = "oslo"  # article-001 has the same title as article-002

    import_corpus(corpus)

    urls = {_page("article-001").url, _page("article-002").url}
    assert urls == {"/oslo/fagartikler/nar-mor-blir-syk/", "/oslo/fagartikler/nar-mor-blir-syk-2/"}
    assert all(client.get(url).status_code == 200 for url in urls)
