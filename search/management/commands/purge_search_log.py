"""python manage.py purge_search_log [--days N]: keep the search log only SEARCH_LOG_RETENTION_DAYS
days (run daily by scripts/scheduler.sh and cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.querylog import purge


class Command(BaseCommand):
    help = (
        "Delete the search log's days (searches and searches without results) older than "
        "SEARCH_LOG_RETENTION_DAYS days, and queries nothing refers to any more."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep this many days instead")

    def handle(self, *args, days=None, **options):
        days = settings.SEARCH_LOG_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError(f"--days must be 0 or more, got {days}.")
        rows, queries = purge(days)
        self.stdout.write(
            f"Søkelogg eldre enn {days} dager slettet: {rows} dagsrader, {queries} søk."
        )
