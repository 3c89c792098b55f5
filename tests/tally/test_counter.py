"""The counter's two ways: Redis day hashes moved into the database by flush_usage, and,
without Redis, each process's batched writes; a Redis outage costs counts, never a page; and
which User-Agents are programs."""

import logging
import socket
import uuid
from io import StringIO

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from builder.tree import ensure_index_page
from kompetansebroen.settings.cache import cache_settings
from tally import counter
from tally.bots import is_bot
from tally.events import Event
from tally.models import PageCount
from tests.factories import NewsPageFactory
from tests.ops.outages import redis_down
from tests.usage.visits import BROWSER, send, visit

pytestmark = pytest.mark.django_db

BEACON = "/api/bruk/"


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def news(home_page):
    return NewsPageFactory(parent=ensure_index_page("news"), title="Nasjonal nyhet")


@pytest.fixture
def redis_cache():
    """The project's Redis cache settings on a real Redis, under a key prefix of this test's."""
    if not redis_is_up():
        pytest.skip("no Redis on 127.0.0.1:6379 (scripts/services.sh)")
    prefix = f"test-usage-{uuid.uuid4().hex}"
    with override_settings(CACHES=cache_settings("redis://127.0.0.1:6379/15", prefix)):
        client = counter.redis_client()
        yield client
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


def views(page):
    return sum(PageCount.objects.filter(page=page, event="view").values_list("count", flat=True))


def test_with_redis_counts_wait_in_a_day_hash_until_flush_usage_moves_them(
    client, news, redis_cache
):
    for _visit in range(2):
        assert visit(client, news).status_code == 204
    assert send(client, BEACON, news.pk, Event.VIEW).status_code == 204
    day_key = counter.day_key(timezone.localdate())
    # Only the event and the page's id: nothing about the visitor.
    assert redis_cache.hgetall(day_key) == {f"view:{news.pk}".encode(): b"3"}
    assert 0 < redis_cache.ttl(day_key) <= counter.KEEP_SECONDS
    assert views(news) == 0  # not in the database before the flush
    # A field that is not a count and a page deleted since are left out, not an error.
    redis_cache.hset(day_key, "view:abc", 5)
    redis_cache.hset(day_key, "view:987654321", 5)
    out = StringIO()
    call_command("flush_usage", stdout=out)
    assert "3 tellinger fra 1 dager" in out.getvalue()
    assert views(news) == 3
    assert not redis_cache.exists(day_key)
    # Later counts are added to the same row; a flush with nothing new changes nothing.
    visit(client, news)
    call_command("flush_usage", stdout=StringIO())
    call_command("flush_usage", stdout=StringIO())
    assert views(news) == 4
    assert PageCount.objects.filter(page=news).count() == 1


def test_a_redis_outage_loses_counts_but_never_a_page(client, news, caplog):
    with redis_down(), caplog.at_level(logging.WARNING, logger="tally.counter"):
        counter._warnings.last = -counter.WARN_EVERY_SECONDS  # as in a fresh process
        assert client.get(news.url, HTTP_USER_AGENT=BROWSER).status_code == 200
        for _visit in range(3):
            assert visit(client, news).status_code == 204
        with pytest.raises(CommandError, match="Redis svarer ikke"):
            call_command("flush_usage", stdout=StringIO())
    assert views(news) == 0
    lost = [record for record in caplog.records if record.name == "tally.counter"]
    assert len(lost) == 1 and "lost" in lost[0].getMessage()


def test_without_redis_each_process_writes_its_counts_in_batches(client, news, settings):
    settings.USAGE_BATCH_SECONDS = 3600
    try:
        for _visit in range(3):
            visit(client, news)
        assert views(news) == 0  # still in this process's buffer
        assert counter.write_buffered() == 3
        assert views(news) == 3
    finally:
        counter._buffer.take()
    out = StringIO()
    call_command("flush_usage", stdout=out)
    assert "Uten Redis" in out.getvalue()


def test_browsers_are_people_and_programs_are_bots():
    people = [
        BROWSER,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Mobile Safari/537.36",
    ]
    programs = [
        "",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
        "+https://openai.com/gptbot)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/131.0.0.0 Safari/537.36",
        "curl/8.5.0",
        "Wget/1.21.4",
    ]
    assert [agent for agent in people if is_bot(agent)] == []
    assert [agent for agent in programs if not is_bot(agent)] == []
