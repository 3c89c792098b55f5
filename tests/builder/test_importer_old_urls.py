"""Items that carry the old site's addresses (old_url, old_urls) get permanent redirects to
their pages: created once, following the page when it moves, never overriding a redirect
someone pointed elsewhere; a bad old address is refused with one line before any writing."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

import pytest

from builder.importer import CorpusError, import_corpus, validate_corpus
from tests.builder.conftest import _page

pytestmark = pytest.mark.django_db


def _with_old_urls(corpus, **old_urls):
    for item in corpus["items"]:
        if item["id"] in old_urls:
            item.update(old_urls[item["id"]])
    return corpus


def test_old_addresses_of_items_redirect_to_their_pages_and_follow_them(client, corpus):
    # Two national items (no regions to build: a fast import).
    corpus["regions"] = []
    corpus["items"] = [
        {**item, "region": None, "shared_with_regions": []}
        for item in corpus["items"]
        if item["id"] in ("article-001", "news-001")
    ]
    article_item = corpus["items"][0]
    _with_old_urls(
        corpus,
        **{
            "article-001": {"old_url": "https://kompetansebroen.no/article/nar-mor-blir-syk/"},
            "news-001": {"old_urls": ["/nytt-kurs-om-demens/", "/aktuelt/2024/nytt-kurs?p=7"]},
        },
    )
    summary = import_corpus(corpus)

    article, news = _page("article-001"), _page("news-001")
    assert summary.redirects == {"created": 3}
    assert "redirects from old addresses: 3 created" in summary.table()
    for old, page in (
        ("/article/nar-mor-blir-syk/", article),
        ("/nytt-kurs-om-demens/", news),
        ("/aktuelt/2024/nytt-kurs/", news),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, page.url), old

    # An old address pointed elsewhere in the admin stays so; a new one on an unchanged item
    # is added without rewriting its page; nothing is duplicated.
    Redirect.objects.filter(old_path="/nytt-kurs-om-demens").update(redirect_page=article)
    article_item["old_urls"] = ["/article/mor-er-syk/"]
    summary = import_corpus(corpus)
    assert summary.counts["article"]["unchanged"] == 1  # old addresses are not page content
    assert summary.redirects == {"created": 1, "unchanged": 2, "kept": 1}
    assert summary.kept_redirects == [("/nytt-kurs-om-demens", "news-001")]
    assert Redirect.objects.count() == 4
    assert all(r.site == Site.objects.get(is_default_site=True) for r in Redirect.objects.all())

    # An editor gives the page a new address: the old addresses follow it.
    article.slug = "mor-er-syk"
    article.save_revision().publish()
    assert client.get("/article/nar-mor-blir-syk/")["Location"] == "/fagartikler/mor-er-syk/"


@pytest.mark.parametrize(
    ("old_urls", "expected"),
    [
        ({"old_url": "article/x"}, "field 'old_url': expected a path starting with /"),
        ({"old_urls": "/x/"}, "field 'old_urls': expected a list of addresses"),
        ({"old_urls": ["/x/", "ftp://old/x"]}, "field 'old_urls': expected a path or an http"),
        ({"old_url": "https://kompetansebroen.no/"}, "field 'old_url': the front page (/)"),
    ],
)
def test_a_bad_old_address_names_the_item_and_field(corpus, old_urls, expected):
    _with_old_urls(corpus, **{"film-001": old_urls})
    with pytest.raises(CorpusError) as raised:
        validate_corpus(corpus)
    assert str(raised.value).startswith(f"corpus: item 'film-001' {expected}")


def test_an_old_address_belongs_to_one_item(corpus):
    _with_old_urls(
        corpus, **{"film-001": {"old_url": "/blodtrykk/"}, "event-001": {"old_url": "/blodtrykk"}}
    )
    with pytest.raises(CorpusError, match="item 'event-001' field 'old_urls': /blodtrykk is also"):
        validate_corpus(corpus)
