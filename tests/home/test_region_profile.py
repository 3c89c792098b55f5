"""A region's profile and layout live on its region page: every region page starts with the
standard layout (a new region added in the admin too), the team orders lists, picks and a
theme under the area rules, its local links show in the menu and footer on its pages and for
visitors in its area, and only its own team may edit it."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from builder.demo.content import placeholder_image
from builder.tree import placeholder_presentation
from home.frontpage import FRONT_PAGE_SECTIONS
from home.models import RegionPage
from pagecache.showing import referring_page_ids, urls_showing
from tests import factories

pytestmark = pytest.mark.django_db


def sections(response):
    """[(heading id, [card titles])] of the page's lists of cards, in order."""
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [
        (section["aria-labelledby"], [a.get_text(strip=True) for a in section.select("h3 a")])
        for section in page.select("main section.section")
        if section.select(".card-grid")
    ]


def blocks(page):
    return [(block["type"], block["value"]) for block in page.layout.raw_data]


def region_page(region):
    return RegionPage.objects.get(region=region)


def test_every_region_page_starts_with_the_standard_layout_local_items_first(
    client, regions, index_for
):
    ahus = region_page(regions["ahus"])
    assert blocks(ahus) == [
        ("latest", {"resource_type": key, "count": count, "title": ""})
        for key, count in FRONT_PAGE_SECTIONS
    ]
    factories.NewsPageFactory(
        parent=index_for("news"), title="Nasjonal nyhet", date=datetime.date(2025, 5, 1)
    )
    factories.NewsPageFactory(
        parent=index_for("news", regions["ahus"]),
        title="Lokal nyhet",
        date=datetime.date(2025, 1, 1),
    )
    factories.NewsPageFactory(parent=index_for("news", regions["oslo"]), title="Oslonyhet")
    factories.CoursePageFactory(parent=index_for("course"), title="Nasjonalt kurs")
    shown = [
        ("section-news", ["Lokal nyhet", "Nasjonal nyhet"]),
        ("section-course", ["Nasjonalt kurs"]),
    ]
    assert sections(client.get(ahus.url)) == shown

    # An editor who empties the layout gets the standard one: no region page comes out empty.
    ahus.layout = []
    ahus.save_revision().publish()
    assert sections(client.get(ahus.url)) == shown


def test_the_team_orders_a_theme_its_picks_and_a_list_under_the_area_rules(
    client, regions, index_for, topics
):
    ahus, demens = regions["ahus"], topics["demens"]
    theme = factories.ThemePageFactory(parent=index_for("theme"), topic=demens, title="Demens")
    own = factories.CoursePageFactory(
        parent=index_for("course", ahus),
        title="Demenskurs på Ahus",
        topics=[demens],
        date=datetime.date(2024, 1, 1),
    )
    national = factories.ArticlePageFactory(
        parent=index_for("article"),
        title="Demens og legemidler",
        topics=[demens],
        date=datetime.date(2025, 6, 1),
    )
    factories.NewsPageFactory(  # Oslo's own: not seen in Ahus
        parent=index_for("news", regions["oslo"]), title="Demens i Oslo", topics=[demens]
    )
    draft = factories.ArticlePageFactory(parent=index_for("article"), title="Utkast", live=False)
    for day in (1, 2):
        factories.NewsPageFactory(
            parent=index_for("news", ahus),
            title=f"Ahusnyhet {day}",
            date=datetime.date(2025, 1, day),
        )
    page = region_page(ahus)
    page.layout = [
        ("theme", {"theme": theme, "count": 4, "title": ""}),
        ("featured", {"title": "Anbefalt", "pages": [national, draft, own]}),
        ("latest", {"resource_type": "news", "count": 1, "title": "Siste nytt"}),
    ]
    page.save_revision().publish()

    response = client.get(page.url)
    assert sections(response) == [
        ("section-theme", ["Demenskurs på Ahus", "Demens og legemidler"]),
        ("section-featured", ["Demens og legemidler", "Demenskurs på Ahus"]),
        ("section-news", ["Ahusnyhet 2"]),
    ]
    html = BeautifulSoup(response.content, "html.parser")
    assert [h2.get_text(strip=True) for h2 in html.select("main section.section h2")] == [
        "Demens",
        "Anbefalt",
        "Siste nytt",
    ]
    assert html.select_one("#section-theme + a")["href"] == theme.url
    # The picks are in Wagtail's reference index, so a change to one purges the region page
    # from the front door's cache (pagecache/showing.py).
    assert page.pk in referring_page_ids(national)
    assert page.full_url in urls_showing(national)


def test_a_new_region_added_in_the_admin_gets_a_region_page_with_a_profile_to_start_from(
    admin_client, client, regions, index_for, django_user_model
):
    factories.NewsPageFactory(parent=index_for("news"), title="Nasjonal nyhet")
    response = admin_client.post(
        reverse("wagtailsnippets_regions_region:add"),
        {"name": "Vestre Viken", "slug": "vestre-viken", "description": "Sykehus og kommuner."},
    )
    assert response.status_code == 302

    page = RegionPage.objects.get(region__slug="vestre-viken")
    assert blocks(page) == blocks(region_page(regions["ahus"]))  # the standard layout
    assert page.intro == placeholder_presentation(page.region, "nb")
    response = client.get(page.url)
    assert sections(response) == [("section-news", ["Nasjonal nyhet"])]
    assert "Vestre Viken er et helsefellesskap der sykehuset" in response.content.decode()
    # Its new team can edit the profile at once.
    editor = django_user_model.objects.create_user(username="vera", password="pw")
    editor.groups.add(Group.objects.get(name="vestre-viken-editors"))
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def profile_form(page, **changes):
    """Valid edit-form data for a region page, with ``changes`` to its profile."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": rich_text(page.intro),
        "body": streamfield([]),
        "logo": "",
        "contact_email": "",
        "contact_phone": "",
        "postal_address": "",
        "visiting_address": "",
        "layout": streamfield(blocks(page)),
        "menu_links": streamfield([]),
        "footer_links": streamfield([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_regions_editors_edit_its_profile_and_not_another_regions(
    client, regions, django_user_model
):
    editor = django_user_model.objects.create_user(username="redaktor", password="pw")
    editor.groups.add(Group.objects.get(name="innlandet-editors"))
    client.force_login(editor)
    own, other = region_page(regions["innlandet"]), region_page(regions["ahus"])

    def edit_url(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = client.get(edit_url(own))
    assert response.status_code == 200
    fields = set(response.context["form"].fields)
    assert {"logo", "contact_email", "layout", "menu_links", "footer_links"} <= fields
    assert "region" not in fields  # the team cannot hand its page to another region
    link = {"label": "Om oss", "page": "", "url": "https://innlandet.example/om"}
    client.post(
        edit_url(own),
        profile_form(
            own, contact_email="post@innlandet.example", footer_links=streamfield([("link", link)])
        ),
    )
    saved = RegionPage.objects.get(pk=own.pk).get_latest_revision().as_object()
    assert saved.contact_email == "post@innlandet.example"
    assert saved.footer_links[0].value["label"] == "Om oss"

    assert client.get(edit_url(other)).status_code != 200
    before = other.get_latest_revision()
    client.post(edit_url(other), profile_form(other, contact_email="x@innlandet.example"))
    assert RegionPage.objects.get(pk=other.pk).get_latest_revision() == before


def local_links(client, path):
    """(footer, menu) labels of the region's links on the page at ``path``."""
    response = client.get(path)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    footer = [a.get_text(strip=True) for a in page.select(".site-footer__local a")]
    menu = [a.get_text(strip=True) for a in page.select(".main-nav__local a")]
    return footer, menu


def test_local_links_show_on_the_regions_pages_and_for_visitors_in_its_area(
    client, regions, index_for, django_capture_on_commit_callbacks
):
    news_list = index_for("news", regions["ahus"])
    ahus = region_page(regions["ahus"])
    ahus.contact_email = "post@ahus.example"
    ahus.footer_links = [
        ("link", {"label": "Om helsefellesskapet", "page": None, "url": "https://ahus.example/"}),
        ("link", {"label": "Nyheter fra Ahus", "page": news_list, "url": ""}),
    ]
    ahus.menu_links = [("link", {"label": "Samhandling", "page": None, "url": "https://s.example"})]
    with django_capture_on_commit_callbacks(execute=True):
        ahus.save_revision().publish()

    shown = (["Om helsefellesskapet", "Nyheter fra Ahus"], ["Samhandling"])
    assert local_links(client, ahus.url) == shown
    assert "post@ahus.example" in client.get(ahus.url).content.decode()
    assert local_links(client, news_list.url) == shown  # below the region page
    assert local_links(client, "/") == ([], [])  # a national page, no area chosen
    assert local_links(client, "/?o=ahus") == shown  # a visitor in Ahus's area
    innlandet = region_page(regions["innlandet"])
    assert local_links(client, innlandet.url) == ([], [])  # another region's page wins

    # The cached menu and footer follow the next publication of the profile.
    ahus.footer_links = [("link", {"label": "Ny lenke", "page": None, "url": "https://n.example"})]
    with django_capture_on_commit_callbacks(execute=True):
        ahus.save_revision().publish()
    assert local_links(client, "/") == (["Ny lenke"], ["Samhandling"])


def test_the_cached_footer_forgets_a_deleted_logo(
    client, regions, django_capture_on_commit_callbacks
):
    logo = get_image_model()(title="Logo – Ahus", description="Logoen til Ahus")
    logo.file = ImageFile(placeholder_image((0, 98, 186), size=(120, 40)), name="logo.png")
    logo.save()
    ahus = region_page(regions["ahus"])
    ahus.logo = logo
    with django_capture_on_commit_callbacks(execute=True):
        ahus.save_revision().publish()

    def footer_logos():
        page = BeautifulSoup(client.get(ahus.url).content, "html.parser")
        return page.select(".site-footer__region img")

    assert len(footer_logos()) == 1  # and now cached
    with django_capture_on_commit_callbacks(execute=True):
        logo.delete()
    assert footer_logos() == []


def test_editors_preview_each_block_in_the_picker(admin_client, regions, index_for):
    factories.NewsPageFactory(parent=index_for("news"), title="Nyhet i forhåndsvisningen")
    stream = RegionPage._meta.get_field("layout").stream_block
    links = RegionPage._meta.get_field("footer_links").stream_block
    previews = {}
    for block in [*stream.child_blocks.values(), *links.child_blocks.values()]:
        url = reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"
        response = admin_client.get(url)
        assert response.status_code == 200, block.name
        previews[block.name] = response.content.decode()
    assert "Nyhet i forhåndsvisningen" in previews["latest"]
    assert 'href="https://example.org"' in previews["link"]
