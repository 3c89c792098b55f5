from django.conf import settings
from django.core.management.base import BaseCommand

from resources.event_registrations import purge


class Command(BaseCommand):
    help = (
        "Delete registrations (personal data) for events that ended more than "
        "EVENT_REGISTRATION_RETENTION_DAYS days ago."
    )

    def handle(self, *args, **options):
        days = settings.EVENT_REGISTRATION_RETENTION_DAYS
        self.stdout.write(
            f"Påmeldinger slettet (eldre enn {days} dager etter arrangementet): {purge()}"
        )
