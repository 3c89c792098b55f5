"""WSGI entry point (gunicorn kompetansebroen.wsgi). Production settings unless
DJANGO_SETTINGS_MODULE says otherwise; they refuse to start without a safe environment."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kompetansebroen.settings.production")

application = get_wsgi_application()
