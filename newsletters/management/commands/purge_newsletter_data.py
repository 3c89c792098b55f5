"""manage.py purge_newsletter_data: delete unconfirmed subscriptions older than
NEWSLETTER_PENDING_DAYS and every unsubscribed address. Run it from cron (or
scripts/scheduler.sh in development)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from newsletters.purge import purge


class Command(BaseCommand):
    help = "Delete stale unconfirmed newsletter subscriptions and unsubscribed addresses."

    def handle(self, *args, **options):
        unconfirmed, unsubscribed = purge()
        days = settings.NEWSLETTER_PENDING_DAYS
        self.stdout.write(
            f"Deleted {unconfirmed} unconfirmed subscription(s) older than {days} days "
            f"and {unsubscribed} unsubscribed address(es)."
        )
