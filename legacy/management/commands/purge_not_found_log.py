"""python manage.py purge_not_found_log [--days N]: keep the 404 log only
NOT_FOUND_LOG_RETENTION_DAYS days (run daily by scripts/scheduler.sh and cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from legacy.notfound import purge


class Command(BaseCommand):
    help = (
        "Delete the 404 log's days older than NOT_FOUND_LOG_RETENTION_DAYS days, and the "
        "addresses left without any day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="keep this many days instead")

    def handle(self, *args, days=None, **options):
        days = settings.NOT_FOUND_LOG_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError(f"--days must be 0 or more, got {days}.")
        rows, paths = purge(days)
        self.stdout.write(
            f"404-logg eldre enn {days} dager slettet: {rows} dagsrader, {paths} adresser."
        )
