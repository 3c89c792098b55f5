"""The demo's captioned film and podcast in headless Chromium: the film plays with captions
on (a cue from the WebVTT file is showing) and its transcript is on the page; an episode
plays and seeks (the server answers the player's Range requests)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(live_server):
    from builder.demo.content import load_demo_data

    load_demo_data(run_update_index=False)


def test_the_captioned_demo_film_plays_with_captions_and_shows_its_transcript(demo, open_page):
    from playback import webvtt
    from resources.models import FilmPage

    film = FilmPage.objects.get(slug="handhygiene-i-hjemmetjenesten")
    page = open_page(film.url, width=1280)
    video = page.locator("video")
    assert video.locator("track[kind=captions][srclang=nb]").count() == 1

    # Turn the Norwegian captions on, play, and wait for a cue to show.
    page.evaluate(
        """() => {
            const video = document.querySelector('video');
            for (const track of video.textTracks) {
                track.mode = track.language === 'nb' ? 'showing' : 'disabled';
            }
            video.muted = true;
            return video.play();
        }"""
    )
    # Past the first cue, a later one shows: the one the WebVTT file has for that moment.
    page.wait_for_function(
        """() => {
            const video = document.querySelector('video');
            const track = [...video.textTracks].find(t => t.language === 'nb');
            return video.currentTime > 3 && track.activeCues && track.activeCues.length > 0;
        }""",
        timeout=20000,
    )
    shown = page.evaluate(
        """() => {
            const track = [...document.querySelector('video').textTracks]
                .find(t => t.language === 'nb');
            const cue = track.activeCues[0];
            return {text: cue.text, start: cue.startTime, mode: track.mode};
        }"""
    )
    cues = webvtt.parse(film.captions.get(language="nb").file.read())
    expected = next(cue for cue in cues if abs(cue.start - shown["start"]) < 0.01)
    assert expected.start > 0
    assert shown["text"] == expected.text
    assert shown["mode"] == "showing"
    assert page.evaluate("() => document.querySelector('video').error") is None

    transcript = page.get_by_role("region", name="Transkripsjon")
    assert transcript.is_visible()
    assert "Sprit hendene etter at du har tatt av hanskene" in transcript.inner_text()


def test_a_demo_episode_plays_and_seeks(demo, open_page):
    from resources.models import PodcastEpisodePage

    episode = PodcastEpisodePage.objects.get(season_number=1, episode_number=2)
    page = open_page(episode.url, width=390)
    assert "Sesong 1, E2" in page.locator(".eyebrow").text_content()
    requests = []
    page.on(
        "request",
        lambda request: (
            requests.append(request.headers.get("range"))
            if "/avspill/lyd/" in request.url
            else None
        ),
    )
    page.evaluate(
        """() => { const audio = document.querySelector('audio');
                   audio.muted = true; return audio.play(); }"""
    )
    page.wait_for_function("() => document.querySelector('audio').currentTime > 0.2")
    # Seek well past what a first chunk holds, and wait until the player is there.
    page.evaluate(
        """() => new Promise(resolve => {
            const audio = document.querySelector('audio');
            audio.addEventListener('seeked', resolve, {once: true});
            audio.currentTime = 25;
        })"""
    )
    position = page.evaluate("() => document.querySelector('audio').currentTime")
    assert 25 <= position < 30, position
    page.wait_for_function("() => document.querySelector('audio').currentTime > 25.2")
    assert page.evaluate("() => document.querySelector('audio').error") is None
    assert page.evaluate("() => document.querySelector('audio').seekable.end(0)") >= 35
    assert any(header and header.startswith("bytes=") for header in requests), requests
