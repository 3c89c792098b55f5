"""python manage.py wagtail_update_index: as update_index (search/management/commands/)."""

from search.management.commands.update_index import Command  # noqa: F401
