"""python manage.py flush_usage: move the usage counts from Redis into the database (every five
minutes from scripts/scheduler.sh and cron). Without Redis the web processes write their
counts themselves, and this has nothing to do."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from redis.exceptions import RedisError

from tally.counter import uses_redis
from tally.flush import FlushBusy, flush


class Command(BaseCommand):
    help = "Move the page-view, play, download and course counts from Redis into the database."

    def handle(self, *args, **options):
        if not uses_redis():
            self.stdout.write(
                "Uten Redis skriver nettstedets prosesser tellingene selv; ingenting å flytte."
            )
            return
        try:
            result = flush()
        except FlushBusy:
            raise CommandError("En annen flush_usage kjører allerede; prøv igjen senere.") from None
        except RedisError as error:
            raise CommandError(f"Redis svarer ikke ({type(error).__name__}).") from None
        except DatabaseError as error:
            raise CommandError(
                f"Databasen tok ikke imot tellingene ({type(error).__name__}); de blir liggende "
                "i Redis til neste gang."
            ) from None
        self.stdout.write(
            f"Bruksstatistikk: {result.counts} tellinger fra {result.hashes} dager flyttet "
            "til databasen."
        )
