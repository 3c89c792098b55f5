"""Kurs > SCORM-pakker in the real Wagtail admin: uploading, refusing a bad zip without
storing anything, deleting, and what a region's editors may do."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupCollectionPermission
from wagtail.snippets.widgets import AdminSnippetChooser

import pytest

from courses.models import ScormPackage
from courses.scorm.package import package_dir
from resources.models import CoursePage
from tests.courses.scorm_zips import build_zip, demo_upload, manifest, upload

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_courses_scormpackage:add"
INDEX_URL = "wagtailsnippets_courses_scormpackage:list"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(regions, django_user_model, client):
    user = django_user_model.objects.create_user(username="ida", password="pw")
    user.groups.add(Group.objects.get(name="innlandet-editors"))
    client.force_login(user)
    return user


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_an_uploaded_package_is_stored_and_unpacked(admin_client, regions, media_root):
    collection = regions["innlandet"].collection
    response = admin_client.post(
        reverse(ADD_URL), {"title": "", "collection": collection.pk, "file": demo_upload()}
    )
    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert package.title == "Håndhygiene i kommunale helsetjenester"  # from the manifest
    assert package.collection == collection
    assert package.launch == "index.html"
    folder = package_dir(package.key)
    assert folder.parent == media_root / "scorm"
    assert sorted(p.name for p in folder.iterdir()) == [
        "course.css",
        "course.js",
        "imsmanifest.xml",
        "index.html",
    ]
    assert (media_root / package.file.name).is_file()


def test_a_bad_zip_is_refused_with_the_reason_and_nothing_is_stored(
    admin_client, regions, media_root
):
    without_sco = build_zip(
        {"imsmanifest.xml": manifest(scormtype="asset"), "index.html": "<title>x</title>"}
    )
    response = admin_client.post(
        reverse(ADD_URL),
        {
            "title": "Ødelagt",
            "collection": regions["innlandet"].collection.pk,
            "file": upload(without_sco),
        },
    )
    assert response.status_code == 200
    assert "Fant ingen startbar leksjon (SCO)" in response.content.decode()
    assert not ScormPackage.objects.exists()
    assert not media_root.exists() or stored_files(media_root) == []


def test_a_file_that_is_not_a_zip_is_refused_in_the_form(admin_client, regions, media_root):
    response = admin_client.post(
        reverse(ADD_URL),
        {
            "title": "PDF",
            "collection": regions["innlandet"].collection.pk,
            "file": upload(b"%PDF-1.7", "kurs.pdf"),
        },
    )
    assert "Filen er ikke en zip-fil" in response.content.decode()
    assert not ScormPackage.objects.exists()
    assert not media_root.exists() or stored_files(media_root) == []


def test_deleting_a_package_removes_its_files(
    admin_client, regions, media_root, django_capture_on_commit_callbacks
):
    admin_client.post(
        reverse(ADD_URL),
        {"title": "", "collection": regions["innlandet"].collection.pk, "file": demo_upload()},
    )
    package = ScormPackage.objects.get()
    assert package_dir(package.key).is_dir()
    delete_url = reverse("wagtailsnippets_courses_scormpackage:delete", args=[package.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(delete_url)
    assert response.status_code == 302
    assert not ScormPackage.objects.exists()
    assert not package_dir(package.key).exists()
    assert stored_files(media_root) == []


def test_region_editors_may_manage_packages_in_their_own_collection(regions):
    group = Group.objects.get(name="innlandet-editors")
    granted = set(
        GroupCollectionPermission.objects.filter(
            group=group, permission__content_type__app_label="courses"
        ).values_list("collection__name", "permission__codename")
    )
    assert granted == {
        ("Innlandet", "add_scormpackage"),
        ("Innlandet", "change_scormpackage"),
        ("Innlandet", "delete_scormpackage"),
    }


def test_an_editor_uploads_only_to_their_region_collection(editor, client, regions, media_root):
    page = client.get(reverse(ADD_URL))
    assert page.status_code == 200
    choices = [str(c) for c in page.context["form"].fields["collection"].queryset]
    assert choices == ["Innlandet"]

    other = client.post(
        reverse(ADD_URL),
        {"title": "", "collection": regions["ahus"].collection.pk, "file": demo_upload()},
    )
    assert other.status_code == 200
    assert not ScormPackage.objects.exists()

    own = client.post(
        reverse(ADD_URL),
        {"title": "", "collection": regions["innlandet"].collection.pk, "file": demo_upload()},
    )
    assert own.status_code == 302
    assert ScormPackage.objects.get().collection == regions["innlandet"].collection


def test_an_editor_sees_only_packages_of_their_collection(
    admin_client, editor, client, regions, media_root
):
    for region, title in (("innlandet", "Innlandspakke"), ("ahus", "Ahuspakke")):
        admin_client.post(
            reverse(ADD_URL),
            {"title": title, "collection": regions[region].collection.pk, "file": demo_upload()},
        )
    listing = client.get(reverse(INDEX_URL)).content.decode()
    assert "Innlandspakke" in listing
    assert "Ahuspakke" not in listing
    ahus_package = ScormPackage.objects.get(title="Ahuspakke")
    edit = client.get(reverse("wagtailsnippets_courses_scormpackage:edit", args=[ahus_package.pk]))
    assert edit.status_code in (302, 403)


def test_a_user_without_scorm_permissions_has_no_menu_item_or_access(
    django_user_model, client, regions
):
    user = django_user_model.objects.create_user(username="leser", password="pw")
    user.groups.add(Group.objects.get(name="innlandet-editors"))
    GroupCollectionPermission.objects.filter(permission__content_type__app_label="courses").delete()
    client.force_login(user)
    assert client.get(reverse(ADD_URL)).status_code in (302, 403)


def test_the_course_page_chooses_its_package_with_a_chooser():
    form_class = CoursePage.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["scorm_package"].widget, AdminSnippetChooser)


def test_the_group_editor_shows_scorm_permissions_per_collection(admin_client, regions):
    group = Group.objects.get(name="innlandet-editors")
    page = admin_client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert page.status_code == 200
    assert "Tillatelser for SCORM-pakker" in page.content.decode()


def test_replacing_a_package_unpacks_the_new_zip_and_removes_the_old_files(
    admin_client, regions, media_root, django_capture_on_commit_callbacks
):
    collection = regions["innlandet"].collection
    admin_client.post(
        reverse(ADD_URL), {"title": "Kurs", "collection": collection.pk, "file": demo_upload()}
    )
    old = ScormPackage.objects.get()
    edit_url = reverse("wagtailsnippets_courses_scormpackage:edit", args=[old.pk])
    replacement = build_zip({"imsmanifest.xml": manifest(href="start.html"), "start.html": "ny"})
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            edit_url, {"title": "Kurs", "collection": collection.pk, "file": upload(replacement)}
        )
    assert response.status_code == 302
    new = ScormPackage.objects.get()
    assert new.key != old.key
    assert new.launch == "start.html"
    assert (package_dir(new.key) / "start.html").read_text() == "ny"
    assert not package_dir(old.key).exists()
    assert not (media_root / old.file.name).exists()


def test_editing_only_the_title_keeps_the_package_files(admin_client, regions, media_root):
    collection = regions["innlandet"].collection
    admin_client.post(
        reverse(ADD_URL), {"title": "Kurs", "collection": collection.pk, "file": demo_upload()}
    )
    package = ScormPackage.objects.get()
    edit_url = reverse("wagtailsnippets_courses_scormpackage:edit", args=[package.pk])
    response = admin_client.post(edit_url, {"title": "Nytt navn", "collection": collection.pk})
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.title == "Nytt navn"
    assert (package_dir(package.key) / "index.html").is_file()
