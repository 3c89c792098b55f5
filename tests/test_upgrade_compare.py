"""The upgrade check's comparison (scripts/upgrade_snapshot.py): a new app granting its new
permissions to existing groups is a note; any other change to a group is a problem."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from upgrade_snapshot import compare  # noqa: E402

BEFORE = {
    "model_permissions": {"image add_image": 1},
    "groups": {"Editors": {"models": ["image add_image"], "collections": ["Root add_image"]}},
    "table_rows": {"auth_group_permissions": 1, "wagtailcore_groupcollectionpermission": 1},
}


def after(models, collections, rows=(1, 1)):
    return {
        "model_permissions": {"image add_image": 1, "media add_media": 1},
        "groups": {"Editors": {"models": models, "collections": collections}},
        "table_rows": {
            "auth_group_permissions": rows[0],
            "wagtailcore_groupcollectionpermission": rows[1],
        },
    }


def test_a_new_apps_permissions_granted_to_a_group_are_a_note():
    problems, notes = compare(
        BEFORE,
        after(["image add_image", "media add_media"], ["Root add_image", "Root add_media"], (2, 2)),
    )
    assert problems == []
    assert any("new permissions granted" in note and "add_media" in note for note in notes)


def test_a_group_losing_a_permission_is_a_problem():
    problems, _notes = compare(BEFORE, after([], ["Root add_image"], (0, 1)))
    assert any("Editors" in line for line in problems)


def test_a_group_gaining_an_old_permission_is_a_problem():
    before = {**BEFORE, "groups": {"Editors": {"models": [], "collections": ["Root add_image"]}}}
    problems, _notes = compare(before, after(["image add_image"], ["Root add_image"]))
    assert any("Editors" in line for line in problems)


def test_the_sampled_corpus_keeps_every_type_and_owner():
    import json

    from upgrade_snapshot import sample

    corpus = Path(__file__).resolve().parent / "data" / "corpus.json"
    items = json.loads(corpus.read_text(encoding="utf-8"))["items"]
    kept = sample(items, "2")
    kinds = {(item["type"], item.get("region")) for item in items}
    assert {(item["type"], item.get("region")) for item in kept} == kinds
    assert len(kept) < len(items) / 2
    assert sample(items, None) == items
