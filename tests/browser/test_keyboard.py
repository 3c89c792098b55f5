"""Keyboard-only use in a real browser: the phone menu, search autocomplete, the podcast
player and the language switcher (the area selector is covered in test_layout.py)."""

import io
import wave

import pytest

from resources.registry import menu_types
from tests.factories import CoursePageFactory, PodcastEpisodePageFactory, PodcastSeriesPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page, expression="document.activeElement.textContent.trim()"):
    return page.evaluate(expression)


def all_menu_lists(index_for):
    for kind in menu_types():
        index_for(kind.key)


def test_phone_menu_opens_and_closes_from_the_keyboard(open_page, home_page, index_for):
    all_menu_lists(index_for)
    CoursePageFactory(parent=index_for("course"))
    page = open_page("/", width=390)
    toggle = page.locator(".main-nav__toggle")
    menu = page.locator("#hovedmeny-liste")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true" and menu.is_visible()
    page.keyboard.press("Tab")
    assert focused(page) == "Fagtema"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert focused(page, "document.activeElement.className").count("main-nav__toggle") == 1

    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page) == "E-kurs"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/e-kurs/")
    assert page.locator('.main-nav a[aria-current="page"]').inner_text() == "E-kurs"


def test_desktop_menu_needs_no_toggle(open_page, home_page, index_for):
    all_menu_lists(index_for)
    page = open_page("/", width=1280)
    assert not page.locator(".main-nav__toggle").is_visible()
    assert page.locator("#hovedmeny-liste a").count() == len(menu_types()) == 8


def test_search_autocomplete_is_operable_with_arrow_keys_and_escape(open_page, home_page):
    from django.core.management import call_command

    from builder.demo.content import load_demo_data

    load_demo_data(run_update_index=False)
    call_command("update_index", stdout=io.StringIO())
    page = open_page("/sok/", width=390)
    box = page.locator("#search-q")
    box.focus()
    if box.get_attribute("data-search-autocomplete") is None:
        # No autocomplete on this search page (yet): the plain search box must still work.
        page.keyboard.type("demens")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "q=demens" in page.url and page.locator("#results-title").is_visible()
        return
    page.keyboard.type("dem", delay=50)
    options = page.locator("[role=listbox] [role=option]")
    options.first.wait_for(state="visible", timeout=5000)
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") == first_id
    assert options.first.get_attribute("aria-selected") == "true"
    assert focused(page, "document.activeElement.id") == "search-q"  # focus stays in the box
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not options.first.is_visible()


def _silent_wav(seconds=2, rate=8000):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\0\0" * rate * seconds)
    return buffer.getvalue()


def test_podcast_player_is_reached_and_played_with_the_keyboard(open_page, index_for):
    from django.core.files.base import ContentFile

    from wagtailmedia.models import Media

    sound = Media(title="Episode 1 lyd", type="audio")
    sound.file.save("episode-1.wav", ContentFile(_silent_wav()), save=False)
    sound.save()
    series = PodcastSeriesPageFactory(parent=index_for("podcast_series"), title="Nattevakt")
    episode = PodcastEpisodePageFactory(
        parent=series, title="Alene på natt", audio_url="", audio=sound
    )
    page = open_page(episode.url, width=390)
    # From the series line's last link ("Abonner"), the next stop is the player.
    page.locator(".resource__series a").last.focus()
    page.keyboard.press("Tab")
    assert focused(page, "document.activeElement.tagName") == "AUDIO"
    assert page.evaluate("document.activeElement.paused")
    page.keyboard.press("Space")
    page.wait_for_function("!document.querySelector('audio').paused", timeout=5000)
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('audio').paused", timeout=5000)
    page.keyboard.press("Tab")
    assert focused(page).startswith("Last ned episoden")


def test_language_switcher_goes_to_the_same_page_and_back(open_page):
    from builder.demo.content import load_demo_data

    load_demo_data(run_update_index=False)
    article = "/fagartikler/nar-pasienten-ikke-klarer-a-svelge-tablettene/"
    page = open_page(article, width=1280)

    def state():
        alternates = page.eval_on_selector_all(
            'link[rel="alternate"][hreflang]', "links => links.map(l => l.hreflang).sort()"
        )
        return (
            page.evaluate("document.documentElement.lang"),
            page.locator("h1").inner_text(),
            alternates,
        )

    assert state() == (
        "nb",
        "Når pasienten ikke klarer å svelge tablettene",
        ["en", "nb", "nn", "x-default"],
    )
    for name, lang, title in [
        ("Nynorsk", "nn", "Når pasienten ikkje klarer å svelgje tablettane"),
        ("English", "en", "When the patient cannot swallow tablets"),
        ("Bokmål", "nb", "Når pasienten ikke klarer å svelge tablettene"),
    ]:
        link = page.locator(".language-switcher a", has_text=name)
        link.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert state() == (lang, title, ["en", "nb", "nn", "x-default"]), name
        assert page.locator('.language-switcher a[aria-current="true"]').inner_text() == name
    assert page.url.endswith(article)
