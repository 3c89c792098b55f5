"""manage.py import_redirects: a CSV list of old addresses and their new pages becomes
permanent redirects; a second run changes only what changed; a bad line stops it with one
readable line before anything is written."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

import pytest

from tests.factories import ArticlePageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def run(path, *options):
    out = io.StringIO()
    call_command("import_redirects", str(path), *options, stdout=out)
    return out.getvalue()


@pytest.fixture
def pages(regions, index_for):  # regions: the module's tests share one skeleton
    return {
        "article": ArticlePageFactory(parent=index_for("article"), title="Demens og ernæring"),
        "news": NewsPageFactory(parent=index_for("news"), title="Nytt kurs", source_id="news-7"),
    }


def test_a_list_becomes_permanent_redirects_and_a_second_run_only_updates(tmp_path, client, pages):
    article, news = pages["article"], pages["news"]
    listing = tmp_path / "gamle.csv"
    # A spreadsheet's export: byte-order mark, semicolons, a header, a comment and a blank line.
    listing.write_text(
        "\ufeffold_url;target\n"
        "# fagartikler\n"
        f"https://kompetansebroen.no/article/demens-og-ernaering/?utm_source=fb;{article.url}\n"
        "\n"
        "/nytt-kurs-2019/;news-7\n"
        f"/aktuelt/2019/05/nytt-kurs;{news.pk}\n",
        encoding="utf-8",
    )

    assert run(listing).endswith("3 created, 0 updated, 0 unchanged\n")

    for old, page in (
        ("/article/demens-og-ernaering/", article),
        ("/article/demens-og-ernaering?utm_source=nyhetsbrev", article),  # any query
        ("/nytt-kurs-2019/", news),
        ("/aktuelt/2019/05/nytt-kurs/", news),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, page.url), old

    # Again, with one line now pointing elsewhere: updated, not duplicated.
    listing.write_text(listing.read_text().replace("news-7\n", f"{article.pk}\n", 1))
    assert run(listing).endswith("0 created, 1 updated, 2 unchanged\n")
    assert Redirect.objects.count() == 3
    assert client.get("/nytt-kurs-2019/")["Location"] == article.url
    assert all(redirect.is_permanent for redirect in Redirect.objects.all())


def test_redirects_belong_to_the_site_named(tmp_path, client, pages, home_page):
    other = Site.objects.create(hostname="innlandet.example.org", root_page=home_page)
    listing = tmp_path / "innlandet.csv"
    listing.write_text(f"/gammel-side/,{pages['article'].pk}\n")

    run(listing, "--site", "innlandet.example.org")

    assert Redirect.objects.get().site == other
    assert client.get("/gammel-side/", HTTP_HOST="innlandet.example.org").status_code == 301
    assert client.get("/gammel-side/").status_code == 404  # the default site has none


BAD_LINES = {
    "no such page": ("/gammel/,/fagartikler/finnes-ikke/", "line 2: target: no page at"),
    "no such item": ("/gammel/,course-999", "line 2: target: no imported page with the item"),
    "not an address": ("www.kompetansebroen.no/x,news-7", "line 2: old address: expected a"),
    "the front page": ("https://kompetansebroen.no/?p=12,news-7", "the front page (/) always"),
    "one column": ("/gammel/", "line 2: expected 2 columns"),
    "a page's own address": ("{news_url},news-7", "is the address of the target page itself"),
    "two targets": ("/a-side/,{article_pk}", "/a-side is also in line 1, to another page"),
}


def test_a_bad_line_stops_the_import_with_one_line_and_nothing_written(tmp_path, pages):
    listing = tmp_path / "gamle.csv"
    for case, (line, expected) in BAD_LINES.items():
        line = line.format(news_url=pages["news"].url, article_pk=pages["article"].pk)
        listing.write_text(f"/a-side/,news-7\n{line}\n")

        with pytest.raises(CommandError) as raised:
            run(listing)

        message = str(raised.value)
        assert message.startswith("gamle.csv: ") and expected in message, (case, message)
        assert "\n" not in message
        assert raised.value.returncode != 0  # manage.py exits with it
        assert not Redirect.objects.exists(), case  # not even the good first line
