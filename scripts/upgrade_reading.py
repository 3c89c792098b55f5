"""Reading what must survive an upgrade, with plain SQL (scripts/upgrade_snapshot.py runs it).

Never names a model by app label: rows are read from tables, content types are reduced to their
model name, and the few project tables it reads are found through the model registry by model
name, so a model that moves to another app, with or without its table, is still found. Django
must be set up (upgrade_snapshot.setup_django) before ``snapshot`` is called.
"""

from collections import Counter, defaultdict

# Bookkeeping tables whose row counts legitimately change, or are covered by their own section.
TABLES_NOT_COUNTED = {"django_migrations", "django_content_type", "auth_permission"}


class SnapshotError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Snapshot


class Reader:
    def __init__(self):
        from django.db import connection

        self.connection = connection
        self.quote = connection.ops.quote_name
        self.tables = set(connection.introspection.table_names())

    def select(self, table, *columns, order_by=()):
        """Every row of ``table``; identifiers come from this file or the model registry."""
        if table not in self.tables:
            raise SnapshotError(f"table {table} is missing from the database")
        selected = ", ".join(self.quote(column) for column in columns)
        sql = f"SELECT {selected} FROM {self.quote(table)}"  # noqa: S608 - quoted identifiers
        if order_by:
            sql += " ORDER BY " + ", ".join(self.quote(column) for column in order_by)
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    def count(self, table):
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {self.quote(table)}")  # noqa: S608
            return cursor.fetchone()[0]


def model_named(model_name):
    """The one installed, concrete model with this name, whatever app it lives in."""
    from django.apps import apps

    matches = [
        model
        for model in apps.get_models()
        if model._meta.model_name == model_name and not model._meta.proxy
    ]
    if len(matches) != 1:
        labels = [model._meta.label for model in matches]
        raise SnapshotError(f"expected one model named {model_name!r}, found {labels}")
    return matches[0]


def fk_column(model_name, field_name):
    model = model_named(model_name)
    field = model._meta.get_field(field_name)
    return model._meta.db_table, field.column


def m2m_table(model_name, field_name):
    """(table, column of the page, column of the target) of a many-to-many field."""
    field = model_named(model_name)._meta.get_field(field_name)
    through = field.remote_field.through._meta
    return through.db_table, field.m2m_column_name(), field.m2m_reverse_name()


def content_type_names(db):
    return dict(db.select("django_content_type", "id", "model"))


def snapshot():
    db = Reader()
    ct_model = content_type_names(db)
    locales = dict(db.select("wagtailcore_locale", "id", "language_code"))
    collections = dict(db.select("wagtailcore_collection", "id", "path"))
    groups = dict(db.select("auth_group", "id", "name"))
    url_paths = dict(db.select("wagtailcore_page", "id", "url_path"))

    def term_keys(model_name):
        table = model_named(model_name)._meta.db_table
        return {
            pk: f"{slug}@{locales.get(locale_id)}"
            for pk, slug, locale_id in db.select(table, "id", "slug", "locale_id")
        }

    regions = term_keys("region")
    topics = term_keys("topic")
    audiences = term_keys("audience")
    data = {}

    # Pages, with the links to regions and topics that live on the project's page tables.
    page_links = defaultdict(dict)
    for model_name, field_name, targets in [
        ("resourcepage", "owner_region", regions),
        ("regionpage", "region", regions),
        ("themepage", "topic", topics),
    ]:
        table, column = fk_column(model_name, field_name)
        pk = model_named(model_name)._meta.pk.column
        for page_id, target in db.select(table, pk, column):
            page_links[page_id][field_name] = targets.get(target, target)
    for field_name, targets in [("areas", regions), ("topics", topics), ("audiences", audiences)]:
        table, page_column, target_column = m2m_table("resourcepage", field_name)
        links = defaultdict(list)
        for page_id, target in db.select(table, page_column, target_column):
            links[page_id].append(targets.get(target, target))
        for page_id, values in links.items():
            page_links[page_id][field_name] = sorted(values)

    data["pages"] = {
        str(pk): {
            "title": title,
            "slug": slug,
            "url_path": url_path,
            "path": path,
            "live": bool(live),
            "has_unpublished_changes": bool(unpublished),
            "locale": locales.get(locale_id),
            "translation_key": str(translation_key),
            "type": ct_model.get(ct_id),
            "latest_revision_id": latest_revision_id,
            "live_revision_id": live_revision_id,
            **page_links.get(pk, {}),
        }
        for (
            pk,
            title,
            slug,
            url_path,
            path,
            live,
            unpublished,
            locale_id,
            translation_key,
            ct_id,
            latest_revision_id,
            live_revision_id,
        ) in db.select(
            "wagtailcore_page",
            *("id", "title", "slug", "url_path", "path", "live", "has_unpublished_changes"),
            *("locale_id", "translation_key", "content_type_id"),
            *("latest_revision_id", "live_revision_id"),
        )
    }

    region_table = model_named("region")._meta.db_table
    data["regions"] = {
        regions[pk]: {
            "name": name,
            "description": description,
            "translation_key": str(translation_key),
            "collection": collections.get(collection_id),
        }
        for pk, name, description, translation_key, collection_id in db.select(
            region_table, "id", "name", "description", "translation_key", "collection_id"
        )
    }
    for model_name, targets in [("topic", topics), ("audience", audiences)]:
        table = model_named(model_name)._meta.db_table
        data[f"{model_name}s"] = {
            targets[pk]: {"name": name, "translation_key": str(translation_key)}
            for pk, name, translation_key in db.select(table, "id", "name", "translation_key")
        }

    data["collections"] = dict(db.select("wagtailcore_collection", "path", "name"))

    # Groups and what they may do: on pages (by URL path), on collections (by path), on models.
    group_rights = {name: defaultdict(list) for name in groups.values()}
    permissions = {
        pk: (ct_model.get(ct_id), codename)
        for pk, ct_id, codename in db.select("auth_permission", "id", "content_type_id", "codename")
    }
    for group_id, page_id, permission_id in db.select(
        "wagtailcore_grouppagepermission", "group_id", "page_id", "permission_id"
    ):
        right = f"{url_paths.get(page_id)} {permissions[permission_id][1]}"
        group_rights[groups[group_id]]["pages"].append(right)
    for group_id, collection_id, permission_id in db.select(
        "wagtailcore_groupcollectionpermission", "group_id", "collection_id", "permission_id"
    ):
        right = f"{collections.get(collection_id)} {permissions[permission_id][1]}"
        group_rights[groups[group_id]]["collections"].append(right)
    for group_id, site_id, permission_id in db.select(
        "wagtailcore_groupsitepermission", "group_id", "site_id", "permission_id"
    ):
        right = f"site {site_id} {permissions[permission_id][1]}"
        group_rights[groups[group_id]]["sites"].append(right)
    for group_id, permission_id in db.select("auth_group_permissions", "group_id", "permission_id"):
        model, codename = permissions[permission_id]
        group_rights[groups[group_id]]["models"].append(f"{model} {codename}")
    data["groups"] = {
        name: {kind: sorted(values) for kind, values in rights.items()}
        for name, rights in group_rights.items()
    }
    # Every permission by model name; a second content type for a moved model shows up here.
    data["model_permissions"] = dict(Counter(f"{m} {c}" for m, c in permissions.values()))
    data["content_types"] = dict(Counter(ct_model.values()))

    users = {
        pk: {"active": bool(active), "superuser": bool(superuser), "groups": []}
        for pk, active, superuser in db.select("auth_user", "id", "is_active", "is_superuser")
    }
    for user_id, group_id in db.select("auth_user_groups", "user_id", "group_id"):
        users[user_id]["groups"].append(groups[group_id])
    usernames = dict(db.select("auth_user", "id", "username"))
    data["users"] = {
        usernames[pk]: {**user, "groups": sorted(user["groups"])} for pk, user in users.items()
    }

    # Workflows: their tasks in order, the pages and content types they are assigned to.
    tasks = {
        pk: (name, bool(active), ct_model.get(ct_id))
        for pk, name, active, ct_id in db.select(
            "wagtailcore_task", "id", "name", "active", "content_type_id"
        )
    }
    task_groups = defaultdict(list)
    for task_id, group_id in db.select(
        "wagtailcore_groupapprovaltask_groups", "groupapprovaltask_id", "group_id"
    ):
        task_groups[task_id].append(groups[group_id])
    data["tasks"] = {
        f"{pk} {name}": {"active": active, "type": model, "groups": sorted(task_groups[pk])}
        for pk, (name, active, model) in tasks.items()
    }
    workflows = {
        pk: {"name": name, "active": bool(active), "tasks": [], "pages": [], "content_types": []}
        for pk, name, active in db.select("wagtailcore_workflow", "id", "name", "active")
    }
    for workflow_id, task_id in db.select(
        "wagtailcore_workflowtask",
        "workflow_id",
        "task_id",
        order_by=("workflow_id", "sort_order", "id"),
    ):
        workflows[workflow_id]["tasks"].append(tasks[task_id][0])
    for workflow_id, page_id in db.select("wagtailcore_workflowpage", "workflow_id", "page_id"):
        workflows[workflow_id]["pages"].append(url_paths.get(page_id))
    for workflow_id, ct_id in db.select(
        "wagtailcore_workflowcontenttype", "workflow_id", "content_type_id"
    ):
        workflows[workflow_id]["content_types"].append(ct_model.get(ct_id))
    data["workflows"] = {
        f"{pk} {workflow.pop('name')}": {
            **workflow,
            "pages": sorted(workflow["pages"]),
            "content_types": sorted(workflow["content_types"]),
        }
        for pk, workflow in workflows.items()
    }

    for section, table in [
        ("images", "wagtailimages_image"),
        ("documents", "wagtaildocs_document"),
    ]:
        data[section] = {
            str(pk): {"title": title, "file": file, "collection": collections.get(collection_id)}
            for pk, title, file, collection_id in db.select(
                table, "id", "title", "file", "collection_id"
            )
        }
    data["sites"] = {
        f"{hostname}:{port}": {
            "root": url_paths.get(root_page_id),
            "default": bool(default),
            "name": site_name,
        }
        for hostname, port, default, root_page_id, site_name in db.select(
            "wagtailcore_site", "hostname", "port", "is_default_site", "root_page_id", "site_name"
        )
    }

    # Rows that point at a content type, counted by model name: revisions (pages and snippets),
    # history, the reference index, translations and the search index all follow the content
    # type, so a moved model whose content type was recreated instead of renamed loses them.
    def by_content_type(table, *columns):
        counts = Counter()
        for row in db.select(table, *columns):
            counts[" -> ".join(str(ct_model.get(ct_id)) for ct_id in row)] += 1
        return dict(counts)

    data["revisions"] = by_content_type("wagtailcore_revision", "base_content_type_id")
    data["revisions_by_type"] = by_content_type("wagtailcore_revision", "content_type_id")
    data["snippet_revisions"] = sum(
        count for model, count in data["revisions"].items() if model != "page"
    )
    data["page_history"] = by_content_type("wagtailcore_pagelogentry", "content_type_id")
    data["model_history"] = by_content_type("wagtailcore_modellogentry", "content_type_id")
    data["references"] = by_content_type(
        "wagtailcore_referenceindex", "base_content_type_id", "to_content_type_id"
    )
    data["translatable_objects"] = by_content_type(
        "wagtail_localize_translatableobject", "content_type_id"
    )
    data["translation_sources"] = by_content_type(
        "wagtail_localize_translationsource", "specific_content_type_id"
    )
    data["search_index"] = by_content_type("wagtailsearch_indexentry", "content_type_id")

    # Content types still used by rows that no installed model answers to (a stale content type).
    data["unresolved_content_types"] = unresolved_content_types(db)

    # Every table's row count, as a net for anything the sections above do not name.
    data["table_rows"] = {
        table: db.count(table)
        for table in sorted(db.tables)
        if table not in TABLES_NOT_COUNTED and not table.startswith("sqlite_")
    }
    return data


def unresolved_content_types(db):
    from django.apps import apps

    stale = {}
    for pk, app_label, model in db.select("django_content_type", "id", "app_label", "model"):
        try:
            apps.get_model(app_label, model)
        except LookupError:
            stale[pk] = f"{app_label}.{model}"
    usage = Counter()
    for table, column in [
        ("wagtailcore_page", "content_type_id"),
        ("wagtailcore_revision", "content_type_id"),
        ("wagtailcore_revision", "base_content_type_id"),
        ("wagtailcore_modellogentry", "content_type_id"),
        ("wagtailcore_pagelogentry", "content_type_id"),
        ("wagtailcore_referenceindex", "content_type_id"),
        ("wagtailcore_referenceindex", "to_content_type_id"),
        ("wagtailcore_task", "content_type_id"),
        ("wagtailcore_workflowcontenttype", "content_type_id"),
        ("wagtail_localize_translatableobject", "content_type_id"),
        ("wagtailsearch_indexentry", "content_type_id"),
        ("auth_permission", "content_type_id"),
    ]:
        if table not in db.tables:
            continue
        for (ct_id,) in db.select(table, column):
            if ct_id in stale:
                usage[f"{stale[ct_id]} in {table}.{column}"] += 1
    return dict(usage)


# ---------------------------------------------------------------------------------------------
# Comparison
