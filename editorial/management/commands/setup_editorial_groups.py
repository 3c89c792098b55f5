"""Create or repair the editorial groups, collections, permissions and workflows."""

from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.teams import setup_all


class Command(BaseCommand):
    help = "Create or repair editorial groups, collections, permissions and workflows."

    def handle(self, *args, **options):
        with transaction.atomic():
            counts = setup_all()
        self.stdout.write(
            f"Editorial teams ready: {counts['regions']} regions, the national team, "
            f"{counts['projects']} project groups."
        )
