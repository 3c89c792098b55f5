"""manage.py record_bounces [--maildir DIR]: act on bounced newsletters.

Reads one message from standard input (for a mail server's pipe, e.g. an alias
``nyhetsbrev-retur: "|/srv/kompetansebroen/.venv/bin/python /srv/kompetansebroen/manage.py
record_bounces"``), or every new message in a Maildir (moved to ``cur/`` when read; run it
from cron). A permanent failure removes the subscription; see newsletters/bounces.py.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletters.bounces import Tally, record


class Command(BaseCommand):
    help = "Record bounced newsletters (one message on stdin, or a Maildir's new messages)."

    def add_arguments(self, parser):
        parser.add_argument("--maildir", help="A Maildir whose new/ messages are read.")

    def handle(self, *args, maildir=None, **options):
        tally = Tally()
        if maildir:
            folder = Path(maildir)
            if not (folder / "new").is_dir() or not (folder / "cur").is_dir():
                raise CommandError(f"{maildir} is not a Maildir (it needs new/ and cur/).")
            for path in sorted((folder / "new").iterdir()):
                record(path.read_bytes(), tally)
                path.rename(folder / "cur" / f"{path.name}:2,S")
        else:
            raw = sys.stdin.buffer.read()
            if not raw.strip():
                raise CommandError("No message on standard input.")
            record(raw, tally)
        self.stdout.write(
            f"Permanent failures: {tally.permanent} (subscriptions removed), "
            f"temporary: {tally.temporary}, not ours or not a bounce: {tally.unknown}."
        )
