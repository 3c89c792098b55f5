"""What must survive an upgrade, read with plain SQL so old and new code take the same snapshot.

scripts/check_upgrade.sh runs this helper three ways:

    python scripts/upgrade_snapshot.py snapshot OUT.json    (in a project tree, settings in env)
    python scripts/upgrade_snapshot.py compare BEFORE.json AFTER.json [--limit N]
    python scripts/upgrade_snapshot.py smoke                 (renders pages with the current code)
    python scripts/upgrade_snapshot.py corpus DEMO.json CORPUS.json OUT.json

``snapshot`` and ``smoke`` import the project in the current directory (not the one this file
lives in), so the same file snapshots the database with an older checkout's code. The snapshot
never names a model by app label: rows are read from tables, content types are reduced to their
model name ("region", "regionpage"), and the few project tables it reads (regions, topics, the
resource page links) are found through the model registry by model name, so a model that moves
to another app, with or without its table, is still found.
"""

import copy
import json
import os
import sys

from upgrade_reading import SnapshotError, model_named, snapshot  # the module beside this one

# Sections where new rows are expected after an upgrade (new models bring new content types and
# permissions); everywhere else an added key counts as a difference, as a lost or changed one does.
ADDITIONS_ALLOWED = {"content_types", "model_permissions", "table_rows"}


def setup_django():
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompetansebroen.settings.dev")
    import django

    django.setup()


def describe(value, width=160):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= width else text[: width - 1] + "…"


def value_changes(before, after):
    """Readable lines for one changed value: field by field, list element by element."""
    if isinstance(before, dict) and isinstance(after, dict):
        lines = []
        for field in sorted(set(before) | set(after)):
            if before.get(field) == after.get(field):
                continue
            old, new = before.get(field), after.get(field)
            if isinstance(old, list) and isinstance(new, list):
                lost = [item for item in old if item not in new]
                added = [item for item in new if item not in old]
                parts = []
                if lost:
                    parts.append(f"lost {describe(lost, 100)}")
                if added:
                    parts.append(f"added {describe(added, 100)}")
                lines.append(f"{field}: {'; '.join(parts) or 'reordered'}")
            else:
                lines.append(f"{field}: {describe(old, 70)} -> {describe(new, 70)}")
        return lines
    return [f"{describe(before, 70)} -> {describe(after, 70)}"]


def natural(key):
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


def label(key, section):
    """A page's id with its URL path, so a difference says which page."""
    value = section[key]
    if isinstance(value, dict) and "url_path" in value:
        return f"{key} {value['url_path']}"
    return key


# Link tables whose rows grow when a new app's migration grants its new permissions.
GRANT_TABLES = {"auth_group_permissions", "wagtailcore_groupcollectionpermission"}


def new_grants(before, after):
    """(after without the grants of permissions that did not exist before, notes on them).

    A newly installed app's migration may grant its own new permissions to existing groups
    (wagtailmedia gives Wagtail's default Editors and Moderators the media permissions, as
    Wagtail does for images and documents). Nothing existing is lost or changed by that, so
    it is a note; any other change to a group is still a difference."""
    new_permissions = set(after.get("model_permissions", {})) - set(
        before.get("model_permissions", {})
    )
    new_codenames = {key.split(" ", 1)[1] for key in new_permissions}
    if not new_permissions:
        return after, []
    after = copy.deepcopy(after)
    notes = []
    for name, rights in after.get("groups", {}).items():
        old = before.get("groups", {}).get(name, {})
        for kind, values in rights.items():
            kept, granted = [], []
            for value in values:
                # "<model> <codename>" for model rights, "<collection> <codename>" for
                # collection rights: the permission is new if its key (or codename) is.
                permission_is_new = (
                    value in new_permissions
                    if kind == "models"
                    else kind == "collections" and value.split(" ")[-1] in new_codenames
                )
                if permission_is_new and value not in old.get(kind, []):
                    granted.append(value)
                else:
                    kept.append(value)
            rights[kind] = kept
            if granted:
                notes.append(f"[groups] {name}: new permissions granted: {describe(granted, 120)}")
    if notes:
        rows_before, rows_after = before.get("table_rows", {}), after.get("table_rows", {})
        for table in GRANT_TABLES & set(rows_before) & set(rows_after):
            if rows_after[table] > rows_before[table]:
                notes.append(f"[table_rows] {table}: {rows_before[table]} -> {rows_after[table]}")
                rows_after[table] = rows_before[table]
    return after, notes


def compare(before, after, limit=10):
    """(problems, notes): lines per section, at most ``limit`` differences shown per section."""
    after, notes = new_grants(before, after)
    problems = []
    for section in sorted(set(before) | set(after)):
        old, new = before.get(section), after.get(section)
        if old == new:
            continue
        if not isinstance(old, dict) or not isinstance(new, dict):
            problems.append(f"[{section}] {describe(old)} -> {describe(new)}")
            continue
        lost = sorted(set(old) - set(new), key=natural)
        added = sorted(set(new) - set(old), key=natural)
        changed = sorted((key for key in set(old) & set(new) if old[key] != new[key]), key=natural)
        lines = [f"  lost {label(key, old)}: {describe(old[key], 120)}" for key in lost]
        lines += [
            f"  changed {label(key, old)}: {change}"
            for key in changed
            for change in value_changes(old[key], new[key])
        ]
        added_lines = [f"  added {label(key, new)}: {describe(new[key], 120)}" for key in added]
        target = problems if lost or changed or section not in ADDITIONS_ALLOWED else notes
        if section in ADDITIONS_ALLOWED and not (lost or changed):
            lines = added_lines
        else:
            lines += added_lines
        header = (
            f"[{section}] {len(lost)} lost, {len(changed)} changed, {len(added)} added "
            f"(of {len(old)} before)"
        )
        shown = lines[:limit]
        if len(lines) > limit:
            shown.append(f"  … and {len(lines) - limit} more")
        target.extend([header, *shown])
    return problems, notes


def summary(data):
    def count(section):
        return len(data.get(section, {}))

    live = sum(1 for page in data["pages"].values() if page["live"])
    return (
        f"{count('pages')} pages ({live} live), {count('regions')} regions, {count('topics')} "
        f"topics, {count('audiences')} audiences, {count('groups')} groups, "
        f"{count('collections')} collections, {count('workflows')} workflows, {count('tasks')} "
        f"tasks, {count('images')} images, {count('documents')} documents, {count('users')} "
        f"users, {count('sites')} sites, {sum(data['revisions'].values())} revisions "
        f"({data['snippet_revisions']} of snippets), {count('table_rows')} tables"
    )


# ---------------------------------------------------------------------------------------------
# Smoke test with the current code


def smoke():
    """Render the front page, a region page, listings, a resource and the Region snippet admin."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from wagtail.models import Page

    region_model = model_named("region")

    def first_live(model_name, **filters):
        page = (
            Page.objects.live()
            .filter(content_type__model=model_name, locale__language_code="nb", **filters)
            .order_by("path")
            .first()
        )
        if page is None:
            raise SnapshotError(f"no live page of type {model_name}")
        return page

    region_page = first_live("regionpage")
    checks = [
        ("front page", "/"),
        ("region page", first_live("regionpage").url),
        ("national listing", first_live("newsindexpage", depth=3).url),
        ("region listing", first_live("courseindexpage", path__startswith=region_page.path).url),
        ("resource page", first_live("coursepage").url),
        ("front page in an area", f"/?o={region_model.objects.order_by('slug').first().slug}"),
        ("search", "/sok/?q=demens"),
    ]
    client = Client()
    failures = []
    for label, url in checks:
        response = client.get(url, follow=True)
        print(f"  {response.status_code} {label}: {url}")
        if response.status_code != 200:
            failures.append(f"{label} {url} returned {response.status_code}")

    admin = get_user_model().objects.filter(is_superuser=True).order_by("id").first()
    meta = region_model._meta
    admin_checks = [
        ("region snippets", reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")),
        ("region page editor", reverse("wagtailadmin_pages:edit", args=[region_page.pk])),
    ]
    if admin is None:
        failures.append("no superuser to open the admin with")
        admin_checks = []
    else:
        client.force_login(admin)
    for label, url in admin_checks:
        response = client.get(url)
        print(f"  {response.status_code} {label}: {url}")
        if response.status_code != 200:
            failures.append(f"{label} {url} returned {response.status_code}")
    return failures


# ---------------------------------------------------------------------------------------------
# Corpus for a database that already has the demo data


def sample(items, per_kind):
    """With ``per_kind`` (a number, from UPGRADE_CORPUS_PER_KIND), the first that many items of
    each type in each region (and nationally): every kind of page and owner is still there,
    in a fraction of the import time (CI's budget); without it, every item."""
    if not per_kind:
        return items
    taken, kept = {}, []
    for item in items:
        kind = (item.get("type"), item.get("region"))
        taken[kind] = taken.get(kind, 0) + 1
        if taken[kind] <= int(per_kind):
            kept.append(item)
    return kept


def corpus_without_demo_themes(demo_file, corpus_file, out_file):
    """The corpus minus theme pages for topics the demo data already gave a theme page.

    A topic has at most one theme page, and the demo data and tests/data/corpus.json both make
    one for five topics, so the corpus cannot be imported over the demo data as it is.
    """
    with open(corpus_file, encoding="utf-8") as handle:
        corpus = json.load(handle)
    dropped = []
    if os.path.exists(demo_file):
        with open(demo_file, encoding="utf-8") as handle:
            demo = json.load(handle)
        taken = {item.get("topic") for item in demo["items"] if item.get("type") == "theme"}
        dropped = [
            item["id"]
            for item in corpus["items"]
            if item.get("type") == "theme" and item.get("topic") in taken
        ]
        corpus["items"] = [item for item in corpus["items"] if item["id"] not in dropped]
    corpus["items"] = sample(corpus["items"], os.environ.get("UPGRADE_CORPUS_PER_KIND"))
    with open(out_file, "w", encoding="utf-8") as handle:
        json.dump(corpus, handle, ensure_ascii=False)
    print(
        f"  corpus: {len(corpus['items'])} items; left out {len(dropped)} theme items whose "
        f"topic has a demo theme page ({', '.join(dropped) or 'none'})"
    )


def main(argv):
    command, *args = argv or ["help"]
    if command == "snapshot" and len(args) == 1:
        setup_django()
        data = snapshot()
        with open(args[0], "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True)
        print(f"  snapshot: {summary(data)}")
        return 0
    if command == "compare" and len(args) in (2, 4):
        limit = int(args[3]) if len(args) == 4 and args[2] == "--limit" else 10
        with open(args[0], encoding="utf-8") as handle:
            before = json.load(handle)
        with open(args[1], encoding="utf-8") as handle:
            after = json.load(handle)
        problems, notes = compare(before, after, limit)
        for line in notes:
            print(f"  note: {line}")
        if problems:
            print("UPGRADE LOST OR CHANGED DATA (before -> after):")
            for line in problems:
                print(line)
            return 1
        print(f"  kept: {summary(after)}")
        return 0
    if command == "smoke" and not args:
        setup_django()
        failures = smoke()
        for failure in failures:
            print(f"FAILED: {failure}")
        return 1 if failures else 0
    if command == "corpus" and len(args) == 3:
        corpus_without_demo_themes(*args)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SnapshotError as error:
        print(f"upgrade_snapshot: {error}", file=sys.stderr)
        sys.exit(1)
