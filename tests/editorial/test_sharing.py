"""Sharing between areas: the owner shares, receivers show it, only the owner edits it."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from resources.models import NewsPage
from tests.editorial.admin_actions import edit, page_form

pytestmark = pytest.mark.django_db


def share(client, page, *regions):
    data = page_form(page, page.title)
    data["areas"] = [region.pk for region in regions]
    data["action-publish"] = "action-publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    return NewsPage.objects.get(pk=page.pk)


def test_owner_shares_news_that_then_shows_in_the_receiving_region(
    client, site, regions, make_user
):
    client.force_login(make_user("magnus", "innlandet-moderators"))
    news = share(client, site["innlandet_news"], regions["ahus"])
    assert [r.slug for r in news.shown_in_areas()] == ["ahus", "innlandet"]

    client.logout()
    for url in ("/ahus/", "/ahus/aktuelt/", "/?o=ahus"):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        link = soup.find("a", href=news.url)
        assert link is not None, url  # links to the owner's page, not a copy
        card = link.find_parent("article")
        assert "Innlandet" in card.get_text(" ", strip=True)  # labelled with its owner
    assert news.url.startswith("/innlandet/")


def test_receiving_region_cannot_edit_or_unshare_a_shared_item(client, site, regions, make_user):
    news = site["innlandet_news"]
    news.areas.set([regions["ahus"]])
    news.save_revision().publish()
    client.force_login(make_user("aase", "ahus-moderators"))
    assert not edit(client, NewsPage.objects.get(pk=news.pk))
    share(client, NewsPage.objects.get(pk=news.pk))  # try to clear the areas
    assert list(NewsPage.objects.get(pk=news.pk).areas.all()) == [regions["ahus"]]


def test_local_editors_cannot_share_other_regions_items(client, site, regions, make_user):
    client.force_login(make_user("ida", "innlandet-editors"))
    share(client, NewsPage.objects.get(pk=site["ahus_news"].pk), regions["innlandet"])
    assert not NewsPage.objects.get(pk=site["ahus_news"].pk).areas.exists()


def test_national_content_is_shown_in_every_area(client, site):
    course = site["national_course"]
    for slug in ("ahus", "innlandet", "oslo"):
        response = client.get(f"/{slug}/e-kurs/")
        assert course.title in response.content.decode()
