"""Re-importing the corpus respects editors: it rewrites only pages whose items changed and
that nobody changed since the last import, never republishes what an editor unpublished, and
unpublishes items that left the source only when asked. Editors act through the real admin."""

import copy
import io

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from builder.importer import import_corpus
from builder.importer.summary import OUTCOMES
from builder.models import ImportedPage
from builder.tree import ensure_home_page
from resources.models import ArticleIndexPage
from tests.builder.conftest import _item, _page, _write

pytestmark = pytest.mark.django_db

# Three national articles: enough for every rule, and quick to import (no region pages).
TINY_CORPUS = {
    "format": "kompetansebro-corpus/1",
    "topics": [{"slug": "demens", "name": "Demens", "description": "Demenssykdom."}],
    "audiences": [{"slug": "helsepersonell", "name": "Helsepersonell"}],
    "items": [
        _item("article-001", "article", "Når mor blir syk"),
        _item("article-002", "article", "Demens og samtykke"),
        _item("article-003", "article", "Legemidler for eldre"),
    ],
}


@pytest.fixture
def tiny():
    """The tiny corpus, imported once; a fresh copy of it for the test to change."""
    import_corpus(copy.deepcopy(TINY_CORPUS))
    return copy.deepcopy(TINY_CORPUS)


def outcomes(**counts):
    return {outcome: counts.get(outcome, 0) for outcome in OUTCOMES}


def change_text(corpus, item_id, text):
    item = next(item for item in corpus["items"] if item["id"] == item_id)
    item["summary"] = text
    item["body"] = [{"type": "paragraph", "text": text}]


def editor_publishes(client, page, text):
    """An editor rewrites the summary and body in the admin's edit view and publishes."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": text,
            "date": page.date.isoformat(),
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        }
    )
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors


def test_unchanged_items_are_left_alone_and_changed_ones_are_published(client, tiny):
    revisions = Revision.objects.count()
    published = {page.pk: page.last_published_at for page in Page.objects.all()}

    summary = import_corpus(copy.deepcopy(tiny))

    assert summary.totals() == outcomes(unchanged=3)
    assert Revision.objects.count() == revisions
    assert {page.pk: page.last_published_at for page in Page.objects.all()} == published

    change_text(tiny, "article-002", "Ny tekst om samtykke fra kilden.")
    summary = import_corpus(tiny)

    assert summary.totals() == outcomes(updated=1, unchanged=2)
    assert Revision.objects.count() == revisions + 1
    page = _page("article-002")
    assert page.live and not page.has_unpublished_changes
    assert "Ny tekst om samtykke fra kilden." in client.get(page.url).content.decode()


def test_a_page_an_editor_edited_keeps_the_editors_text(admin_client, client, tiny, tmp_path):
    editor_publishes(admin_client, _page("article-001"), "Redaksjonens egen tekst.")
    change_text(tiny, "article-001", "Kildens nye tekst.")
    change_text(tiny, "article-002", "Kildens nye tekst om samtykke.")
    out = io.StringIO()

    call_command("import_corpus", str(_write(tmp_path, tiny)), "-v", "2", stdout=out)

    page = _page("article-001")
    assert page.summary == "Redaksjonens egen tekst."
    assert page.get_latest_revision().user.username == "admin"
    content = client.get(page.url).content.decode()
    assert "Redaksjonens egen tekst." in content and "Kildens nye tekst." not in content
    assert _page("article-002").summary == "Kildens nye tekst om samtykke."
    lines = out.getvalue().splitlines()
    assert next(line for line in lines if line.startswith("kept (edited)")).split()[2] == "1"
    assert next(line for line in lines if line.startswith("updated")).split()[1] == "1"
    assert "kept (edited): article 'article-001' (Når mor blir syk)" in lines


def test_a_page_an_editor_moved_stays_where_the_editor_put_it(admin_client, tiny):
    page = _page("article-001")
    # A second article list to move it to (one per region in practice; no region here).
    archive = ensure_home_page().add_child(instance=ArticleIndexPage(title="Arkiv", slug="arkiv"))
    response = admin_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[page.pk, archive.pk])
    )
    assert response.status_code == 302
    change_text(tiny, "article-001", "Kildens nye tekst.")

    summary = import_corpus(tiny)

    assert summary.counts["article"] == outcomes(edited=1, unchanged=2)
    page = _page("article-001")
    assert page.get_parent().pk == archive.pk
    assert page.summary != "Kildens nye tekst."


def test_a_page_an_editor_unpublished_stays_unpublished(admin_client, client, tiny):
    page = _page("article-001")
    url = page.url
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    revisions = Revision.objects.count()
    change_text(tiny, "article-001", "Kildens nye tekst.")

    summary = import_corpus(tiny)

    assert summary.totals() == outcomes(unpublished=1, unchanged=2)
    assert summary.page_lines() == ["kept (unpublished): article 'article-001' (Når mor blir syk)"]
    assert not _page("article-001").live
    assert Revision.objects.count() == revisions
    assert client.get(url).status_code == 404


def test_items_gone_from_the_source_are_unpublished_only_when_asked(client, tiny, tmp_path):
    url = _page("article-003").url
    without = copy.deepcopy(tiny)
    del without["items"][2]
    path = _write(tmp_path, without)

    call_command("import_corpus", str(path), stdout=io.StringIO())

    assert _page("article-003").live
    assert client.get(url).status_code == 200

    out = io.StringIO()
    call_command("import_corpus", str(path), "--unpublish-missing", stdout=out)

    assert not _page("article-003").live
    assert client.get(url).status_code == 404
    assert _page("article-001").live and _page("article-002").live
    lines = out.getvalue().splitlines()
    assert next(line for line in lines if line.startswith("unpublished-missing")).split()[1:3] == [
        "1",
        "(article",
    ]

    summary = import_corpus(tiny)  # the item is back in the source: published again

    assert summary.totals() == outcomes(updated=1, unchanged=2)
    assert client.get(url).status_code == 200


def test_pages_imported_before_records_existed_are_recorded_on_the_next_import(
    admin_client, client, tiny
):
    editor_publishes(admin_client, _page("article-002"), "Redaksjonens egen tekst.")
    ImportedPage.objects.all().delete()  # as after the upgrade: pages, but no records yet
    for item_id in ("article-001", "article-002"):
        change_text(tiny, item_id, "Kildens nye tekst.")

    summary = import_corpus(tiny)

    assert summary.recorded == 3
    assert summary.totals() == outcomes(updated=1, edited=1, unchanged=1)
    assert _page("article-001").summary == "Kildens nye tekst."
    assert _page("article-002").summary == "Redaksjonens egen tekst."
    assert ImportedPage.objects.count() == 3
    assert import_corpus(tiny).totals() == outcomes(edited=1, unchanged=2)
