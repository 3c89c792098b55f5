from django.conf import settings
from django.core.management.base import BaseCommand

from resources.event_registrations import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to everyone confirmed for tomorrow's events (once each)."

    def handle(self, *args, **options):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Påminnelser sendt: {send_reminders(base_url)}")
