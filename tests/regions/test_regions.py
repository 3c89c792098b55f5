"""Ownership follows the tree; sharing adds areas; a region's front page shows its own first."""

import datetime

import pytest
from bs4 import BeautifulSoup

from regions.lookup import region_for
from resources.models import NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_owner_region_comes_from_the_tree(regions, index_for):
    local = NewsPageFactory(parent=index_for("news", regions["oslo"]))
    national = NewsPageFactory(parent=index_for("news"))
    assert local.owner_region == regions["oslo"] == region_for(local)
    assert national.owner_region is None


def test_moving_a_page_updates_its_owner(regions, index_for):
    page = NewsPageFactory(parent=index_for("news", regions["oslo"]))
    page.move(index_for("news", regions["ahus"]), pos="last-child")
    assert NewsPage.objects.get(pk=page.pk).owner_region == regions["ahus"]


def test_shown_in_areas_is_owner_plus_shared_and_empty_for_national(regions, index_for):
    shared = NewsPageFactory(
        parent=index_for("news", regions["innlandet"]), areas=[regions["oslo"]]
    )
    assert [r.slug for r in shared.shown_in_areas()] == ["innlandet", "oslo"]
    assert NewsPageFactory(parent=index_for("news")).shown_in_areas() == []


def test_region_page_lists_own_and_shared_items_first_labelled_with_owner(
    client, regions, index_for
):
    NewsPageFactory(parent=index_for("news"), title="Nasjonal", date=datetime.date(2026, 1, 1))
    NewsPageFactory(
        parent=index_for("news", regions["innlandet"]),
        title="Delt fra Innlandet",
        date=datetime.date(2020, 1, 1),
        areas=[regions["oslo"]],
    )
    NewsPageFactory(parent=index_for("news", regions["ahus"]), title="Bare Ahus")
    response = client.get("/oslo/")
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert response.status_code == 200
    assert text.index("Delt fra Innlandet") < text.index("Nasjonal")
    assert "Bare Ahus" not in text
    card = soup.find(string=lambda s: s and "Delt fra Innlandet" in s).find_parent("article")
    assert "Innlandet" in card.get_text(" ", strip=True).replace("Delt fra Innlandet", "")


def test_regional_listing_shows_shared_items_linking_to_the_owner_url(client, regions, index_for):
    item = NewsPageFactory(
        parent=index_for("news", regions["innlandet"]),
        title="Delt nyhet",
        areas=[regions["vestfold"]],
    )
    response = client.get("/vestfold/aktuelt/")
    soup = BeautifulSoup(response.content, "html.parser")
    link = soup.find("a", string=lambda s: s and "Delt nyhet" in s)
    assert link is not None and link["href"].endswith(item.url)
    assert item.url.startswith("/innlandet/aktuelt/")


def test_old_admin_address_of_regions_redirects_to_the_new_app(admin_client, regions):
    region = regions["innlandet"]
    response = admin_client.get(f"/admin/snippets/home/region/edit/{region.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/admin/snippets/regions/region/edit/{region.pk}/"
    assert admin_client.get(response["Location"]).status_code == 200
