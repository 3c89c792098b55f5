"""Migration operations for PostgreSQL only (text search configurations, extensions, indexes
that other databases do not have): nothing happens on SQLite or other databases."""


def run_on_postgresql(statements):
    """A RunPython function that executes ``statements`` in order on PostgreSQL."""

    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return operation
