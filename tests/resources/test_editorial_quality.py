"""What visitors see of editorial quality on every resource page: the main image with its
caption and photo credit under it, and "Sist faglig oppdatert" (never the review-by date); and
the review dates a page starts with and moves to."""

import datetime

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup

from builder.demo.content import placeholder_image
from resources.review import review_after_check, years_after
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(db):
    image = get_image_model()(title="Sykepleier", description="Sykepleier ved en seng")
    image.file = ImageFile(placeholder_image((46, 110, 142), size=(64, 36)), name="foto.png")
    image.save()
    return image


def type_pages(index_for, regions, **fields):
    """A page of each kind of template: every resource template extends resource_base.html,
    whose ``resource_image`` block shows the figure; the film's is the one that replaces that
    block (with an embedded film it shows the image), research has its own facts and sections,
    and projects live in another app."""
    return [
        f.ArticlePageFactory(parent=index_for("article"), **fields),
        f.ResearchArticlePageFactory(parent=index_for("research"), **fields),
        f.FilmPageFactory(parent=index_for("film"), **fields),
        f.CoursePageFactory(parent=index_for("course", regions["ahus"]), **fields),
        f.ProjectPageFactory(parent=index_for("project", regions["ahus"]), **fields),
    ]


def test_resource_pages_show_caption_credit_and_last_review_under_the_image(
    client, regions, index_for, photo
):
    pages = type_pages(
        index_for,
        regions,
        image=photo,
        image_caption="Kveldsvisitt på sykehjemmet.",
        image_credit="Ola Nordmann / Sykehuset Innlandet",
        last_reviewed=datetime.date(2026, 3, 3),
        review_by=datetime.date(2027, 9, 14),
    )
    for page in pages:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        figure = soup.select_one("article.resource figure.resource__image")
        assert figure is not None, page
        assert figure.find("img")["alt"] == "Sykepleier ved en seng"
        caption = figure.find("figcaption").get_text(" ", strip=True)
        assert caption == "Kveldsvisitt på sykehjemmet. Foto: Ola Nordmann / Sykehuset Innlandet"
        reviewed = soup.select_one(".resource__reviewed")
        assert reviewed.get_text(" ", strip=True) == "Sist faglig oppdatert 3. mars 2026", page
        assert reviewed.find("time")["datetime"] == "2026-03-03"
        text = soup.get_text(" ", strip=True)
        assert "14. september 2027" not in text and "2027-09-14" not in str(soup), page


def test_without_caption_credit_or_review_nothing_is_added(client, index_for, photo):
    page = f.ArticlePageFactory(parent=index_for("article"), image=photo, last_reviewed=None)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.select_one("figure.resource__image img") is not None
    assert soup.find("figcaption") is None
    assert soup.select_one(".resource__reviewed") is None
    assert "faglig oppdatert" not in soup.get_text()

    credit_only = f.NewsPageFactory(
        parent=index_for("news"), image=photo, image_credit="Kari Nordmann"
    )
    soup = BeautifulSoup(client.get(credit_only.url).content, "html.parser")
    assert soup.find("figcaption").get_text(" ", strip=True) == "Foto: Kari Nordmann"


def test_a_new_page_is_due_for_review_in_two_years_and_a_review_moves_a_passed_date(
    index_for,
):
    today = timezone.localdate()
    page = f.ArticlePageFactory(parent=index_for("article"))
    assert page.review_by == years_after(today, 2)

    checked = datetime.date(2026, 3, 3)
    assert review_after_check(datetime.date(2026, 1, 1), checked) == datetime.date(2028, 3, 3)
    assert review_after_check(datetime.date(2026, 3, 3), checked) == datetime.date(2028, 3, 3)
    # A later date the editors chose, or none, is left as it is.
    assert review_after_check(datetime.date(2027, 1, 1), checked) == datetime.date(2027, 1, 1)
    assert review_after_check(None, checked) is None
    assert years_after(datetime.date(2024, 2, 29), 2) == datetime.date(2026, 2, 28)
