"""The old site's address forms: /article/<slug> and WordPress's /<slug>/ go to the one page
with that slug, never over a real page or an explicit redirect; /aktuelt/page/N/ goes to the
same page of today's news list."""

import datetime

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

import pytest

from tests.factories import ArticlePageFactory, CoursePageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_an_old_article_address_goes_to_the_page_with_its_slug(client, regions, index_for):
    article = ArticlePageFactory(
        parent=index_for("article", regions["innlandet"]), title="Når mor blir syk"
    )
    assert article.slug == "nar-mor-blir-syk"

    for old in (
        "/article/nar-mor-blir-syk/",
        "/article/nar-mor-blir-syk",  # no slash: one hop, not two
        "/article/når-mor-blir-syk/",  # the old site kept æøå in its slugs
        "/nar-mor-blir-syk/",  # WordPress's address at the root
        "/nar-mor-blir-syk",
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, article.url), old


def test_articles_and_news_come_first_and_two_candidates_are_left_to_an_editor(
    client, regions, index_for
):
    course = CoursePageFactory(parent=index_for("course"), title="Demens")
    assert client.get("/article/demens/")["Location"] == course.url  # the only page so named
    article = ArticlePageFactory(parent=index_for("article"), title="Demens")
    assert client.get("/article/demens/")["Location"] == article.url  # an article first

    ArticlePageFactory(parent=index_for("article", regions["ahus"]), title="Demens")
    assert client.get("/article/demens/").status_code == 404  # which one? not a guess


def test_the_slug_never_shadows_a_page_nor_a_redirect_nor_leads_to_a_hidden_page(
    client, regions, index_for
):
    news_index = index_for("news")
    ArticlePageFactory(parent=index_for("article"), title="Aktuelt")
    assert client.get("/aktuelt/").status_code == 200  # the real list, not the article

    first = ArticlePageFactory(parent=index_for("article"), title="Ernæring i sykehjem")
    other = NewsPageFactory(parent=news_index, title="Ny side om ernæring")
    Redirect.objects.create(old_path="/article/ernaering-i-sykehjem", redirect_page=other)
    assert client.get("/article/ernaering-i-sykehjem/")["Location"] == other.url
    assert client.get("/ernaering-i-sykehjem/")["Location"] == first.url

    draft = ArticlePageFactory(parent=index_for("article"), title="Utkast", live=False)
    private = ArticlePageFactory(parent=index_for("article"), title="Bare for innloggede")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(f"/article/{draft.slug}/").status_code == 404
    assert client.get(f"/article/{private.slug}/").status_code == 404


def test_old_news_list_pages_answer_and_never_fail(client, regions, index_for, monkeypatch):
    news = index_for("news")
    monkeypatch.setattr(type(news), "per_page", 1)  # two pages from two items
    for number in range(2):
        NewsPageFactory(parent=news, date=datetime.date(2026, 1, 1) + datetime.timedelta(number))

    response = client.get("/aktuelt/page/2/")
    assert (response.status_code, response["Location"]) == (301, "/aktuelt/?page=2")
    # Past the end: the list's last page, however large the number.
    for number in ("3", "9" * 18):
        response = client.get(f"/aktuelt/page/{number}/", follow=True)
        assert response.redirect_chain[0][1] == 301
        assert response.status_code == 200
        assert response.context["items"].number == 2
    for bad in ("x", "0", "2x", "9" * 19, "9" * 5000):
        assert client.get(f"/aktuelt/page/{bad}/").status_code == 404
