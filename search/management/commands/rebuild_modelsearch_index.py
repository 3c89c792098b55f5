"""python manage.py rebuild_modelsearch_index: as update_index (search/management/commands/)."""

from search.management.commands.update_index import Command  # noqa: F401
