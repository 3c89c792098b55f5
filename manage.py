#!/usr/bin/env python
"""Django's command line. Without DJANGO_SETTINGS_MODULE it uses the production settings, as
wsgi.py does, so cron and systemd jobs run against production or not at all; scripts/run.sh
chooses kompetansebroen.settings.dev and scripts/test.sh kompetansebroen.settings.test.
Settings that refuse to start say why in one line (exit status 1).
"""

import os
import sys

PRODUCTION = "kompetansebroen.settings.production"


def main():
    chosen = os.environ.get("DJANGO_SETTINGS_MODULE")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", PRODUCTION)
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loading the settings runs their checks
    except ImproperlyConfigured as error:
        hint = "" if chosen else " (the default; kompetansebroen.settings.dev is for trial runs)"
        sys.exit(f"{os.environ['DJANGO_SETTINGS_MODULE']}{hint}: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
