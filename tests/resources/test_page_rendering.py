"""Every page type renders for visitors with its own fields visible."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests import factories as f

pytestmark = pytest.mark.django_db


def visible_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.find_all("h1")) == 1, url
    return soup.get_text(" ", strip=True)


def test_course_page_shows_duration_format_and_exam(client, regions, topics, index_for):
    course = f.CoursePageFactory(
        parent=index_for("course", regions["ahus"]),
        title="Trygg bruk av legemidler hos eldre",
        duration_minutes=80,
        topics=[topics["legemidler"]],
    )
    text = visible_text(client, course.url)
    assert "Trygg bruk av legemidler hos eldre" in text
    assert "1 t 20 min" in text
    assert "E-læring" in text
    assert "Legemidler" in text
    assert "Ahus" in text  # the area tag


def test_film_page_shows_transcript(client, index_for):
    film = f.FilmPageFactory(parent=index_for("film"), transcript="Mansjetten skal sitte riktig.")
    assert "Mansjetten skal sitte riktig." in visible_text(client, film.url)


def test_podcast_series_lists_its_episodes_and_episode_has_a_player(client, index_for):
    series = f.PodcastSeriesPageFactory(parent=index_for("podcast_series"), title="Pillepraten")
    episode = f.PodcastEpisodePageFactory(parent=series, title="Multidose i praksis")
    assert "Multidose i praksis" in visible_text(client, series.url)
    soup = BeautifulSoup(client.get(episode.url).content, "html.parser")
    audio = soup.find("audio")
    assert audio is not None and "controls" in audio.attrs
    assert episode.audio_url in str(soup)
    assert "kommuneoverlege" in soup.get_text()


def test_event_page_shows_time_place_and_deadline(client, index_for):
    event = f.EventPageFactory(
        parent=index_for("event"),
        start=datetime.datetime(2027, 3, 10, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 3, 10, 15, 0, tzinfo=datetime.UTC),
        location="Gjøvik rådhus",
        registration_deadline=datetime.date(2027, 3, 1),
        capacity=80,
    )
    text = visible_text(client, event.url)
    assert "Gjøvik rådhus" in text
    assert "2027" in text
    assert "80" in text


def test_past_event_is_marked_as_over(client, index_for):
    event = f.EventPageFactory(
        parent=index_for("event"),
        start=datetime.datetime(2020, 3, 10, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2020, 3, 10, 15, 0, tzinfo=datetime.UTC),
    )
    assert "avsluttet" in visible_text(client, event.url).lower()


def test_project_page_shows_partners_goals_status_and_period(client, regions, index_for):
    project = f.ProjectPageFactory(
        parent=index_for("project", regions["innlandet"]),
        title="Sammen om barn som pårørende – Innlandet",
        partners=[("item", "Sel kommune"), ("item", "Lom kommune")],
        goals=[("item", "Elektronisk melding (EDI)")],
    )
    text = visible_text(client, project.url)
    for expected in ("Sel kommune", "Lom kommune", "Elektronisk melding (EDI)", "2023–2026"):
        assert expected in text
    assert project.url == "/innlandet/prosjekter/sammen-om-barn-som-parorende-innlandet/"


def test_theme_page_shows_featured_and_automatic_lists(client, topics, index_for):
    demens = topics["demens"]
    picked = f.ArticlePageFactory(parent=index_for("article"), title="Utvalgt artikkel")
    f.CoursePageFactory(parent=index_for("course"), title="Demenskurs", topics=[demens])
    f.CoursePageFactory(parent=index_for("course"), title="Annet kurs")
    theme = f.ThemePageFactory(
        parent=index_for("theme"), topic=demens, featured=[("resource", picked)]
    )
    text = visible_text(client, theme.url)
    assert "Utvalgt artikkel" in text
    assert "Demenskurs" in text
    assert "Annet kurs" not in text


def test_article_news_and_standard_pages_render_their_body(client, home_page, index_for):
    article = f.ArticlePageFactory(parent=index_for("article"), title="Når mor blir syk")
    news = f.NewsPageFactory(parent=index_for("news"), title="Nytt e-kurs")
    standard = f.StandardPageFactory(parent=home_page, title="Personvern", slug="personvern")
    for page in (article, news, standard):
        text = visible_text(client, page.url)
        assert page.title in text
    assert "Innhold for helsepersonell" in visible_text(client, article.url)


@pytest.mark.parametrize(
    "type_slug",
    ["course", "article", "news", "film", "event", "project", "podcast_series", "theme"],
)
def test_every_index_page_renders_empty_and_filled(client, regions, index_for, type_slug):
    index = index_for(type_slug)
    assert "Ingen" in visible_text(client, index.url)  # an empty list says so
    factory = {
        "course": f.CoursePageFactory,
        "article": f.ArticlePageFactory,
        "news": f.NewsPageFactory,
        "film": f.FilmPageFactory,
        "event": f.EventPageFactory,
        "project": f.ProjectPageFactory,
        "podcast_series": f.PodcastSeriesPageFactory,
        "theme": f.ThemePageFactory,
    }[type_slug]
    item = factory(parent=index, title="Et element i listen")
    assert "Et element i listen" in visible_text(client, index.url)
    assert item.live


def test_front_and_region_pages_render(client, regions):
    assert "Innlandet" in visible_text(client, "/")
    assert "Innlandet" in visible_text(client, "/innlandet/")


def test_front_page_lists_upcoming_events_only(client, index_for):
    now = datetime.datetime.now(datetime.UTC)
    f.EventPageFactory(parent=index_for("event"), title="Kommende fagdag")
    f.EventPageFactory(
        parent=index_for("event"),
        title="Fagdag som er over",
        start=now - datetime.timedelta(days=10),
        end=now - datetime.timedelta(days=10, hours=-3),
    )
    text = visible_text(client, "/")
    assert "Kommende fagdag" in text
    assert "Fagdag som er over" not in text
