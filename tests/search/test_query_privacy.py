"""The search log keeps no numbers or e-mail addresses, is cut short, cannot be grown without
bound by one client, and is kept only SEARCH_LOG_RETENTION_DAYS days."""

import datetime

from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from search.models import ZeroResultDay
from search.querylog import masked

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("fødselsnummer 01019012345", "fødselsnummer [tall]"),
        ("010190 12345 demens", "[tall] demens"),
        ("ring 22 33 44 55 om kurset", "ring [tall] om kurset"),
        ("+47 900 11 222", "[tall]"),
        ("født 01.01.1990", "født [tall]"),
        ("pasient123 legemidler", "pasient[tall] legemidler"),
        ("ola.nordmann@example.no lurer på demens", "[e-post] lurer på demens"),
        ("kari@ demens", "[e-post] demens"),
        ("covid 19 og vitamin B12", "covid 19 og vitamin B12"),  # fewer than three digits
        ("demens", "demens"),
    ],
)
def test_numbers_and_email_addresses_are_masked(typed, stored):
    assert masked(typed) == stored


def test_stored_text_is_cut_at_a_word(settings):
    settings.SEARCH_LOG_MAX_LENGTH = 20
    assert masked("pasienten har demens og bruker mange legemidler") == "pasienten har demens"
    assert masked("x" * 30) == "x" * 20


def test_the_search_page_stores_only_the_masked_query(client, home_page):
    response = client.get("/sok/", {"q": "Ola Nordmann 010190 12345 ola@example.no demens"})
    assert response.status_code == 200
    assert list(Query.objects.values_list("query_string", flat=True)) == [
        "ola nordmann [tall] [e-post] demens"
    ]
    assert ZeroResultDay.objects.get().query.query_string.endswith("[e-post] demens")


def test_one_client_adds_only_its_share_of_searches_to_the_log(client, home_page, settings):
    settings.SEARCH_LOG_PER_CLIENT = (3, 3600)
    for word in ("demens", "hjerneslag", "diabetes", "kols", "astma"):
        assert client.get("/sok/", {"q": word}).status_code == 200  # the search itself works
    assert Query.objects.count() == 3
    client.get("/sok/", {"q": "epilepsi"}, REMOTE_ADDR="192.0.2.20")  # another visitor
    assert Query.objects.filter(query_string="epilepsi").exists()


def test_purge_keeps_recent_days_and_editors_picks(home_page, settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 30
    today = timezone.localdate()
    old, recent = today - datetime.timedelta(days=31), today - datetime.timedelta(days=30)
    gone = Query.get("gammelt søk")
    gone.add_hit(date=old)
    ZeroResultDay.record(gone, date=old)
    kept = Query.get("nytt søk")
    kept.add_hit(date=old)
    kept.add_hit(date=recent)
    picked = Query.get("demens")
    picked.add_hit(date=old)
    SearchPromotion.objects.create(
        query=picked, external_link_url="https://example.org/", external_link_text="Demens"
    )

    call_command("purge_search_log")

    assert set(Query.objects.values_list("query_string", flat=True)) == {"nytt søk", "demens"}
    assert list(QueryDailyHits.objects.values_list("date", flat=True)) == [recent]
    assert not ZeroResultDay.objects.exists()


def test_purge_refuses_a_negative_number_of_days():
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        call_command("purge_search_log", "--days", "-1")
