"""Films and podcasts on a real database: the feed podcast apps read (parsed with feedparser),
seekable sound, seasons, caption files and transcripts, and the warning an editor gets when a
film is published without captions or a transcript."""

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtailmedia.models import Media

import feedparser
import pytest
from wagtail_factories import ImageFactory

from resources.models import FilmCaption, FilmPage, FilmSeriesPage
from tests.factories import FilmPageFactory, PodcastEpisodePageFactory, PodcastSeriesPageFactory
from tests.resources.test_structured_data import only_json_ld

pytestmark = pytest.mark.django_db
MEDIA = Path(__file__).resolve().parents[2] / "builder" / "demo" / "media"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def media(filename, kind):
    with (MEDIA / filename).open("rb") as handle:
        item = Media(title=filename, type=kind)
        item.file.save(filename, File(handle), save=False)
        item.save()
    return item


@pytest.fixture
def series(index_for):
    series = PodcastSeriesPageFactory(
        parent=index_for("podcast_series"),
        title="Helsepodden",
        slug="helsepodden",
        summary="Samtaler om samhandling.",
        author="Kompetansebroen Vestfold",
        contact_email="vestfold@kompetansebroen.example",
        cover=ImageFactory(file__width=1400, file__height=1400),
    )
    episodes = {}
    for season, number, filename in [(1, 1, "podkast-s1e1.mp3"), (2, 1, "podkast-s2e1.mp3")]:
        episodes[(season, number)] = PodcastEpisodePageFactory(
            parent=series,
            title=f"Episode {season}.{number}",
            season_number=season,
            episode_number=number,
            duration_seconds=None,
            audio_url="",
            audio=media(filename, "audio"),
            transcript=f"Velkommen til sesong {season}.",
        )
    draft = PodcastEpisodePageFactory(parent=series, title="Utkast", season_number=1)
    draft.unpublish()
    return series, episodes, draft


def test_the_feed_parses_with_every_itunes_field_for_every_published_episode(client, series):
    series, episodes, draft = series
    response = client.get(series.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception

    channel = feed.feed
    assert channel.title == "Helsepodden"
    assert channel.language == "nb"
    assert channel.author == "Kompetansebroen Vestfold"
    assert channel.image.href.startswith("http://testserver/")
    assert [tag.term for tag in channel.tags] == ["Health & Fitness", "Medicine"]
    assert channel.publisher_detail.email == "vestfold@kompetansebroen.example"

    titles = {entry.title for entry in feed.entries}
    assert titles == {"Episode 1.1", "Episode 2.1"}  # the draft is not in the feed
    for entry in feed.entries:
        episode = next(e for e in episodes.values() if e.title == entry.title)
        for field in ("id", "link", "published_parsed", "summary", "itunes_duration"):
            assert entry.get(field), f"{entry.title}: {field} missing"
        assert int(entry.itunes_season) == episode.season_number
        assert int(entry.itunes_episode) == episode.episode_number
        (enclosure,) = entry.enclosures
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == episode.audio.file.size
        assert enclosure.href.endswith(".mp3")
        assert entry.itunes_duration == f"00:00:{episode.duration_seconds:02d}"

    # Podcasting 2.0: season, episode and a transcript that can be fetched.
    # Apple's explicit flag is "true"/"false" (feedparser reads only the old yes/clean).
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own feed
    assert root.find(f"channel/{ITUNES}explicit").text == "false"
    assert [i.find(f"{ITUNES}explicit").text for i in root.iter("item")] == ["false", "false"]
    assert root.find(f"channel/{PODCAST}guid").text
    for item in root.iter("item"):
        transcript = item.find(f"{PODCAST}transcript")
        assert transcript.get("type") == "text/plain"
        text = client.get(transcript.get("url").removeprefix("http://testserver"))
        assert text.status_code == 200
        assert "Velkommen til sesong" in text.content.decode()
        assert item.find(f"{PODCAST}season").text in {"1", "2"}


def test_an_episodes_sound_is_seekable_and_an_unpublished_ones_is_not_served(client, series):
    series, episodes, draft = series
    feed = feedparser.parse(client.get(series.url + "feed/").content)
    url = feed.entries[0].enclosures[0].href.removeprefix("http://testserver")

    response = client.get(url, HTTP_RANGE="bytes=1000-1999")
    assert response.status_code == 206
    assert response["Content-Range"].startswith("bytes 1000-1999/")
    assert (
        b"".join(response.streaming_content) == (MEDIA / "podkast-s2e1.mp3").read_bytes()[1000:2000]
    )

    draft.audio = media("podkast-s1e2.mp3", "audio")
    draft.save()
    assert client.get(f"/avspill/lyd/{draft.pk}/utkast.mp3").status_code == 404
    PageViewRestriction.objects.create(page=series, restriction_type="login")
    assert client.get(url).status_code == 404


def test_the_duration_is_read_from_the_uploaded_file(series):
    _series, episodes, _draft = series
    assert episodes[(1, 1)].duration_seconds == 32
    assert episodes[(2, 1)].duration_seconds == 34


def test_the_series_page_lists_episodes_by_season_and_offers_subscription(client, series):
    series, episodes, draft = series
    html = client.get(series.url).content.decode()
    assert html.index("Sesong 2") < html.index("Sesong 1")
    assert "Sesong 1, E1" in html
    assert "Utkast" not in html
    feed_link = f'type="application/rss+xml" title="Helsepodden" href="{series.url}feed/">'
    assert f'<link rel="alternate" {feed_link}' in html
    assert "Abonner" in html
    episode_html = client.get(episodes[(2, 1)].url).content.decode()
    assert "Sesong 2, E1" in episode_html
    assert 'preload="metadata"' in episode_html
    assert "Velkommen til sesong 2." in episode_html


@pytest.mark.parametrize(("width", "height"), [(800, 800), (2000, 1400)])
def test_a_cover_apple_would_refuse_is_refused(index_for, width, height):
    series = PodcastSeriesPageFactory(parent=index_for("podcast_series"))
    series.cover = ImageFactory(file__width=width, file__height=height)
    with pytest.raises(ValidationError) as refused:
        series.full_clean()
    assert "kvadratisk og minst 1400" in str(refused.value.message_dict["cover"])
    series.cover = ImageFactory(file__width=1400, file__height=1400)
    series.full_clean()


@pytest.fixture
def captioned_film(index_for):
    series = index_for("film").add_child(
        instance=FilmSeriesPage(title="Simulering", slug="simulering")
    )
    film = FilmPageFactory(
        parent=series,
        title="Del en",
        video_url="",
        has_captions=False,
        duration_seconds=None,
        video=media("handhygiene.mp4", "video"),
    )
    FilmPageFactory(parent=series, title="Del to")
    caption = FilmCaption(film=film, language="nb")
    caption.file.save("del-en.vtt", File((MEDIA / "handhygiene.nb.vtt").open("rb")), save=False)
    caption.save()
    return FilmPage.objects.get(pk=film.pk)


def test_a_film_plays_its_file_with_caption_tracks_in_its_series(client, captioned_film):
    assert captioned_film.duration_seconds == 24
    html = client.get(captioned_film.url).content.decode()
    assert f'<source src="/avspill/film/{captioned_film.pk}/del-en.mp4" type="video/mp4">' in html
    assert (
        f'<track kind="captions" srclang="nb" label="Norsk (bokmål)" '
        f'src="/avspill/teksting/{captioned_film.pk}/nb.vtt" default>'
    ) in html
    assert "Del 1 av 2 i serien" in html
    assert 'rel="next"' in html
    assert 'id="transcript-title"' in html

    captions = client.get(f"/avspill/teksting/{captioned_film.pk}/nb.vtt")
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert captions.content.startswith(b"WEBVTT")
    assert client.get(f"/avspill/teksting/{captioned_film.pk}/se.vtt").status_code == 404
    video = client.get(f"/avspill/film/{captioned_film.pk}/del-en.mp4", HTTP_RANGE="bytes=0-")
    assert video.status_code == 206
    assert video["Content-Type"] == "video/mp4"

    series_html = client.get(captioned_film.get_parent().url).content.decode()
    assert series_html.index("Del en") < series_html.index("Del to")


class TestFilmsInTheAdmin:
    @pytest.fixture
    def editor(self, client, django_user_model):
        user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
        client.force_login(user)
        return client

    def film_data(self, **extra):
        return nested_form_data(
            {
                "title": "Ny film",
                "slug": "ny-film",
                "summary": "Kort sammendrag.",
                "date": "2026-11-01",
                "body": {"count": 0},
                "video_url": "https://video.example.org/ny.mp4",
                "captions": inline_formset([]),
                "transcript": "",
                **extra,
            }
        )

    def test_publishing_a_film_without_captions_or_transcript_warns_the_editor(
        self, editor, index_for
    ):
        index = index_for("film")
        url = reverse("wagtailadmin_pages:add", args=["resources", "filmpage", index.pk])
        response = editor.post(
            url, {**self.film_data(), "action-publish": "action-publish"}, follow=True
        )
        film = FilmPage.objects.get(slug="ny-film")
        assert film.live  # publishing goes ahead
        warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
        assert warnings == [
            "«Ny film» er publisert uten teksting og transkripsjon. Filmer skal ha teksting og "
            "transkripsjon etter forskrift om universell utforming (WCAG 2.1 AA)."
        ]

        edit = reverse("wagtailadmin_pages:edit", args=[film.pk])
        data = self.film_data(has_captions="on", transcript="Alt som blir sagt.")
        response = editor.post(edit, {**data, "action-publish": "action-publish"}, follow=True)
        assert not [m for m in response.context["messages"] if m.level_tag == "warning"]

    def test_an_upload_that_is_not_webvtt_gets_a_field_error_and_nothing_is_saved(
        self, editor, index_for
    ):
        index = index_for("film")
        url = reverse("wagtailadmin_pages:add", args=["resources", "filmpage", index.pk])
        data = self.film_data(captions=inline_formset([{"language": "nb"}]))
        data["captions-0-file"] = SimpleUploadedFile(
            "tekst.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nSRT, ikke WebVTT\n"
        )
        response = editor.post(url, data)
        assert response.status_code == 200
        errors = response.context["form"].formsets["captions"].forms[0].errors
        assert "første linje må være «WEBVTT»" in str(errors["file"])
        assert not FilmPage.objects.filter(slug="ny-film").exists()

    def test_two_caption_files_in_one_language_are_refused(self, editor, index_for):
        index = index_for("film")
        url = reverse("wagtailadmin_pages:add", args=["resources", "filmpage", index.pk])
        data = self.film_data(captions=inline_formset([{"language": "nb"}, {"language": "nb"}]))
        for number in (0, 1):
            data[f"captions-{number}-file"] = SimpleUploadedFile(
                f"tekst{number}.vtt", (MEDIA / "handhygiene.nb.vtt").read_bytes()
            )
        response = editor.post(url, data)
        assert response.status_code == 200
        assert not FilmPage.objects.filter(slug="ny-film").exists()
        formset = response.context["form"].formsets["captions"]
        assert "dupliserte" in str(formset.non_form_errors())

    def test_a_film_needs_a_file_or_a_link(self, editor, index_for):
        index = index_for("film")
        url = reverse("wagtailadmin_pages:add", args=["resources", "filmpage", index.pk])
        response = editor.post(url, self.film_data(video_url=""))
        assert response.status_code == 200
        assert "video_url" in response.context["form"].errors


# Structured data (JSON-LD), read back from the page as a search engine reads it.


def test_a_film_is_a_video_object_with_its_file_captions_and_transcript(client, captioned_film):
    captioned_film.image = ImageFactory()
    captioned_film.save_revision().publish()
    data = only_json_ld(client.get(captioned_film.url).content.decode())
    assert data["@type"] == "VideoObject"
    # Google's required properties, and the ones that make a video findable and usable.
    assert data["name"] == "Del en"
    assert data["thumbnailUrl"].startswith("http://localhost/media/images/")
    assert datetime.datetime.fromisoformat(data["uploadDate"]).tzinfo is not None
    assert data["duration"] == "PT24S"
    assert data["contentUrl"] == f"http://localhost/avspill/film/{captioned_film.pk}/del-en.mp4"
    assert data["encodingFormat"] == "video/mp4"
    assert data["caption"] == [
        {
            "@type": "MediaObject",
            "contentUrl": f"http://localhost/avspill/teksting/{captioned_film.pk}/nb.vtt",
            "encodingFormat": "text/vtt",
            "inLanguage": "nb",
        }
    ]
    assert data["transcript"] == captioned_film.transcript
    assert "embedUrl" not in data


def test_a_film_at_a_video_service_is_embedded(client, index_for):
    film = FilmPageFactory(parent=index_for("film"), video_url="https://video.example.org/x")
    data = only_json_ld(client.get(film.url).content.decode())
    assert data["embedUrl"] == "https://video.example.org/x"
    assert "contentUrl" not in data


def test_podcast_series_and_episode_describe_feed_season_and_sound(client, series):
    series, episodes, _draft = series
    data = only_json_ld(client.get(series.url).content.decode())
    assert data["@type"] == "PodcastSeries"
    assert data["webFeed"] == f"http://localhost{series.url}feed/"
    assert data["author"]["name"] == "Kompetansebroen Vestfold"
    assert data["image"].startswith("http://localhost/media/images/")

    episode = episodes[(2, 1)]
    data = only_json_ld(client.get(episode.url).content.decode())
    assert data["@type"] == "PodcastEpisode"
    assert data["episodeNumber"] == 1
    assert data["partOfSeason"]["seasonNumber"] == 2
    assert data["partOfSeason"]["partOfSeries"]["url"] == f"http://localhost{series.url}"
    assert data["partOfSeries"]["name"] == "Helsepodden"
    assert data["associatedMedia"] == {
        "@type": "MediaObject",
        "contentUrl": f"http://localhost/avspill/lyd/{episode.pk}/{episode.slug}.mp3",
        "encodingFormat": "audio/mpeg",
        "duration": "PT34S",
    }
    assert data["duration"] == "PT34S"
    assert data["transcript"] == "Velkommen til sesong 2."
    datetime.date.fromisoformat(data["datePublished"][:10])


def test_series_page_and_feed_queries_do_not_grow_with_the_episodes(client, series):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    series, episodes, _draft = series
    sound = episodes[(1, 1)].audio

    def queries(path):
        client.get(path)  # fills the caches (menu, footer, renditions)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    before = {path: queries(path) for path in (series.url, series.url + "feed/")}
    for number in range(2, 7):
        PodcastEpisodePageFactory(
            parent=series, season_number=1, episode_number=number, audio_url="", audio=sound
        )
    after = {path: queries(path) for path in before}
    assert after == before
