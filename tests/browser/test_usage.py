"""Usage statistics in headless Chromium: a visitor's browser reports the page view and the
episode's play through beacon.js (no cookie sent) and the counts arrive; the same page in a
browser that names itself headless is not counted; a logged-in editor's browser sends
nothing; the report shows the counts and has no WCAG 2.1 AA violations."""

from django.core.files import File

from wagtailmedia.models import Media

import pytest

from builder.demo.films_and_podcasts import MEDIA_DIR
from tally.events import Event
from tally.models import PageCount
from tests.browser.test_accessibility import axe_violations
from tests.factories import PodcastEpisodePageFactory, PodcastSeriesPageFactory
from tests.usage.visits import BROWSER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEACON = "/api/bruk/"
PASSWORD = "et-langt-testpassord"  # noqa: S105


@pytest.fixture
def episode(index_for):
    with (MEDIA_DIR / "podkast-s1e1.mp3").open("rb") as handle:
        sound = Media(title="Episode 1", type="audio", duration=10)
        sound.file.save("podkast-s1e1.mp3", File(handle), save=False)
        sound.save()
    series = PodcastSeriesPageFactory(parent=index_for("podcast_series"), title="Helsepodden")
    return PodcastEpisodePageFactory(parent=series, title="Samhandling", audio=sound, audio_url="")


def counted(page, event):
    return sum(PageCount.objects.filter(page=page, event=event).values_list("count", flat=True))


def open_and_wait(context, url, event="view"):
    """Open ``url``; the page's beacon request for ``event`` once it has been answered."""
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request) if BEACON in request.url else None)
    with page.expect_response(lambda response: BEACON in response.url) as answer:
        page.goto(url)
    assert answer.value.status == 204
    return page, sent


def test_the_browser_reports_views_and_plays_and_the_report_shows_them(
    browser, live_server, episode, django_user_model
):
    url = live_server.url + episode.url
    # A browser that calls itself HeadlessChrome (the default here) sends, and is not counted.
    headless = browser.new_context()
    open_and_wait(headless, url)
    assert counted(episode, Event.VIEW) == 0
    headless.close()

    visitor = browser.new_context(user_agent=BROWSER, locale="nb-NO")
    page, sent = open_and_wait(visitor, url)
    assert counted(episode, Event.VIEW) == 1
    beacon = sent[0]
    assert beacon.method == "POST" and "cookie" not in beacon.all_headers()
    assert beacon.post_data == f"page={episode.pk}&event=view"
    with page.expect_response(lambda response: BEACON in response.url) as played:
        page.evaluate(
            "() => { const a = document.querySelector('audio'); a.muted = true; a.play(); }"
        )
    assert played.value.status == 204
    page.evaluate("() => document.querySelector('audio').pause()")
    assert counted(episode, Event.PODCAST) == 1
    visitor.close()

    django_user_model.objects.create_superuser("sjef", "sjef@example.org", PASSWORD)
    editor = browser.new_context(user_agent=BROWSER, locale="nb-NO")
    admin = editor.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.locator("input[name=username]").fill("sjef")
    admin.locator("input[name=password]").fill(PASSWORD)
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url(live_server.url + "/admin/")
    requests = []
    admin.on("request", lambda request: requests.append(request.url))
    admin.goto(url)
    admin.wait_for_load_state("load")
    assert not [address for address in requests if BEACON in address]  # an editor's visit

    admin.goto(live_server.url + "/admin/bruksstatistikk/?omrade=nasjonalt")
    totals = admin.locator('[data-usage-table="totals"] tbody td').all_inner_texts()
    assert totals[:3] == ["1", "1", "0"]  # views, podcast plays, film plays
    assert admin.locator("svg.usage-chart rect").count() == 12
    assert axe_violations(admin) == []
    editor.close()
