"""``manage.py load_demo_data``: the demo site from builder/fixtures/demo_corpus.json."""

import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from builder.demo.content import ADMIN_URL, ADMIN_USERNAME, DEFAULT_ADMIN_PASSWORD, load_demo_data
from builder.demo.editors import create_demo_editors
from builder.demo.scorm_course import ensure_demo_scorm_course
from builder.importer import CorpusError


class Command(BaseCommand):
    help = (
        "Load Kompetansebroen's demo content (regions, topics, about 40 resources, standard "
        "pages, footer settings and an admin user), then update the search index. "
        "Safe to run again: existing content is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not run update_index afterwards.",
        )

    def handle(self, *args, skip_index=False, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo data is for development and trial runs only (its accounts have published "
                f"passwords), not {settings.SETTINGS_MODULE}: nothing was written. For a trial "
                "run use DJANGO_SETTINGS_MODULE=kompetansebroen.settings.dev."
            )
        started = time.monotonic()
        try:
            summary = load_demo_data(stdout=self.stdout, run_update_index=not skip_index)
            ensure_demo_scorm_course(summary)
        except CorpusError as error:
            raise CommandError(f"Demo data not loaded: {error}") from None
        for label in summary.created:
            self.stdout.write(f"  opprettet: {label}")
        if summary.admin_password:
            credentials = f"brukernavn {ADMIN_USERNAME}, passord {summary.admin_password}"
        else:
            credentials = f"brukernavn {ADMIN_USERNAME} (finnes fra før, passordet er uendret)"
        self.stdout.write(self.style.SUCCESS(f"Admin: {ADMIN_URL} – {credentials}"))
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
        editors = create_demo_editors(password)
        if editors:
            self.stdout.write(f"Redaktører for utprøving (samme passord): {', '.join(editors)}")
        self.stdout.write(f"Demodata lastet på {time.monotonic() - started:.1f} s.")
