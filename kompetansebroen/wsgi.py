"""WSGI entry point (gunicorn kompetansebroen.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompetansebroen.settings.dev")

application = get_wsgi_application()
