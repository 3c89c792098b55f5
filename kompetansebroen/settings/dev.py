"""Settings for a trial or development run on one machine."""

from . import env
from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
# load_demo_data may run here, and its trial accounts may log in (builder/demo/logins.py).
DEMO_CONTENT_ALLOWED = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Demo and trial users sign in with a password alone (production requires a second factor).
TWO_FACTOR_ENFORCED = env.flag("TWO_FACTOR_ENFORCED", False)
