"""Remove a user's authenticator app (a lost phone): at the next sign-in they set up a new one."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from adminlogin.devices import remove_all


class Command(BaseCommand):
    help = "Fjern totrinnsinnloggingen til en bruker (mistet telefon); brukeren setter opp på nytt."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        removed = remove_all(user)
        self.stdout.write(f"Removed {removed} device(s) of {username}.")
