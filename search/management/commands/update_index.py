"""python manage.py update_index: Wagtail's (modelsearch's) index rebuild, then a new content
token, so matches kept from the old index (search/kept.py) are not used again."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand

from search import freshness


class Command(RebuildCommand):
    def handle(self, **options):
        super().handle(**options)
        freshness.changed()
