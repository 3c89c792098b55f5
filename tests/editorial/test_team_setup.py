"""Teams are created by the platform: a new region gets groups, collection and workflow."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission

import pytest
from PIL import Image as PILImage

from home.models import RegionPage
from regions.models import Region
from tests.editorial.admin_actions import create, submit

pytestmark = pytest.mark.django_db


def png(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0062ba").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_adding_a_region_in_the_admin_sets_up_the_whole_team(admin_client, regions, make_user):
    response = admin_client.post(
        reverse("wagtailsnippets_regions_region:add"),
        {
            "name": "Vestre Viken",
            "slug": "vestre-viken",
            "description": "Vestre Viken HF og kommunene i Buskerud og Asker og Bærum.",
        },
    )
    assert response.status_code == 302
    region = Region.objects.get(slug="vestre-viken")
    region_page = RegionPage.objects.get(region=region)
    assert region_page.url == "/vestre-viken/"
    assert Collection.objects.filter(name="Vestre Viken").exists()
    assert region_page.get_workflow().name == "Lokal redaksjon: godkjenning – Vestre Viken"
    assert {"vestre-viken-editors", "vestre-viken-moderators"} <= set(
        Group.objects.values_list("name", flat=True)
    )

    # The new team works with no other step: an editor writes and submits news.
    editor = make_user("vera", "vestre-viken-editors")
    moderator = make_user("viggo", "vestre-viken-moderators")
    news_index = region_page.get_children().get(slug="aktuelt")
    admin_client.force_login(editor)
    from tests.factories import NewsPageFactory

    news = NewsPageFactory(parent=news_index, title="Første nyhet fra Vestre Viken")
    assert submit(admin_client, news)
    assert create(admin_client, news)
    task = news.get_workflow().tasks.get().specific
    assert (
        moderator in task.get_actionable_users()
        if hasattr(task, "get_actionable_users")
        else task.groups.filter(user=moderator).exists()
    )


def test_setup_command_repairs_idempotently(regions):
    call_command("setup_editorial_groups")
    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
    )
    innlandet_page = RegionPage.objects.get(region=regions["innlandet"])
    GroupPagePermission.objects.filter(page=innlandet_page).delete()
    Group.objects.get(name="ahus-moderators").delete()

    call_command("setup_editorial_groups")
    call_command("setup_editorial_groups")
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Collection.objects.count(),
    ) == counts


def test_editor_uploads_to_own_collection_and_cannot_see_other_regions_images(
    client, regions, make_user
):
    image_model = get_image_model()
    ahus = Collection.objects.get(name="Ahus")
    innlandet = Collection.objects.get(name="Innlandet")
    image_model.objects.create(title="Ahus intern plan", file=png("ahus.png"), collection=ahus)
    client.force_login(make_user("ida", "innlandet-editors"))

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Fagdag i Gjøvik", "file": png("gjovik.png"), "collection": innlandet.pk},
    )
    assert response.status_code == 302
    assert image_model.objects.get(title="Fagdag i Gjøvik").collection == innlandet

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Snik", "file": png("snik.png"), "collection": ahus.pk},
    )
    # Ahus's collection is not offered; nothing lands there.
    assert not image_model.objects.filter(collection=ahus, title="Snik").exists()

    chooser = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    listing = client.get(reverse("wagtailimages:index")).content.decode()
    assert "Fagdag i Gjøvik" in chooser and "Fagdag i Gjøvik" in listing
    assert "Ahus intern plan" not in chooser and "Ahus intern plan" not in listing


def test_editors_explorer_starts_at_their_own_region(client, regions, make_user):
    client.force_login(make_user("ida", "innlandet-editors"))
    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    innlandet_page = RegionPage.objects.get(region=regions["innlandet"])
    assert response.status_code == 200
    assert response.context["parent_page"].pk == innlandet_page.pk


def test_renaming_a_region_keeps_its_collection_and_images(regions):
    region = regions["ostfold"]
    region.refresh_from_db()
    collection = region.collection
    assert collection.name == "Østfold"
    region.name = "Helsefellesskapet Østfold"
    region.save()
    region.refresh_from_db()
    assert region.collection == collection
    collection.refresh_from_db()
    assert collection.name == "Helsefellesskapet Østfold"
    assert not Collection.objects.filter(name="Østfold").exists()


def test_editor_uploads_sound_to_own_collection_and_chooses_only_their_teams(
    client, regions, make_user
):
    from wagtailmedia.models import Media

    ahus = Collection.objects.get(name="Ahus")
    innlandet = Collection.objects.get(name="Innlandet")
    Media.objects.create(
        title="Ahus intern podkast", type="audio", file=mp3("ahus.mp3"), collection=ahus
    )
    client.force_login(make_user("ida", "innlandet-editors"))

    response = client.post(
        reverse("wagtailmedia:add", args=["audio"]),
        {"title": "Innlandspodden 1", "file": mp3("innland.mp3"), "collection": innlandet.pk},
    )
    assert response.status_code == 302
    assert Media.objects.get(title="Innlandspodden 1").collection == innlandet

    chooser = client.get(reverse("wagtailmedia:chooser_typed", args=["audio"])).json()["html"]
    assert "Innlandspodden 1" in chooser
    assert "Ahus intern podkast" not in chooser


def mp3(name):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[2] / "builder" / "demo" / "media"
    return SimpleUploadedFile(name, (demo / "podkast-s1e1.mp3").read_bytes(), "audio/mpeg")
