"""Behind the front door (the repo's nginx in front of the live server): a page nginx serves
from its cache still carries the statistics script, so the view is counted by the beacon,
which nginx never caches; a document nginx sends after Django's check is counted once."""

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Site

import pytest

from builder.tree import ensure_home_page, ensure_index_page
from tally.models import DocumentCount, PageCount
from tests.factories import NewsPageFactory
from tests.ops.frontdoor import ACCEL_URL, running_front_door
from tests.usage.visits import BROWSER, beacon_script

pytestmark = pytest.mark.django_db(transaction=True)

HOST = "bruk.test"


@pytest.fixture(scope="module")
def front_door(live_server, tmp_path_factory):
    directory = tmp_path_factory.mktemp("frontdoor")
    upstream = f"{live_server.thread.host}:{live_server.thread.port}"
    with running_front_door(directory, upstream, directory, settings.MEDIA_ROOT) as door:
        yield door


@pytest.fixture
def door(front_door, settings):
    """Page cache and X-Accel-Redirect settings as behind the front door."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_QUERY_SECONDS = 60
    settings.MEDIA_ACCEL_REDIRECT_URL = ACCEL_URL
    settings.SENDFILE_BACKEND = "playback.accel"
    return front_door


def test_a_cached_page_is_counted_by_its_beacon_and_a_document_once(door):
    ensure_home_page()
    Site.objects.filter(is_default_site=True).update(hostname=HOST)
    Site.clear_site_root_paths_cache()
    news = NewsPageFactory(parent=ensure_index_page("news"), title="Nyhet bak døra")
    browser = {"User-Agent": BROWSER}
    door.get(news.url, HOST, headers=browser)
    cached = door.get(news.url, HOST, headers=browser)
    assert cached.status == 200 and cached.cache == "HIT"  # Django never saw this view
    script = beacon_script(cached.body)
    assert script["data-page"] == str(news.pk)
    beacon = {
        **browser,
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
    }
    body = f"page={news.pk}&event=view".encode()
    for _view in range(2):  # the two views above, each reported by its page
        answer = door.get(script["data-url"], HOST, headers=beacon, method="POST", body=body)
        assert answer.status == 204 and answer.cache != "HIT"
    assert PageCount.objects.get(page=news, event="view").count == 2

    document = Document.objects.create(
        title="Veileder", file=ContentFile(b"%PDF-1.4 " + b"x" * 4000, name="veileder.pdf")
    )
    sent = door.get(document.url, HOST, headers=browser)
    assert sent.status == 200 and sent.body.startswith(b"%PDF")
    door.get(document.url, HOST, headers={**browser, "Range": "bytes=2000-"})  # the rest
    assert DocumentCount.objects.get(document=document).count == 1
