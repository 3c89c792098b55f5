"""Production settings: refuse to start without real secrets."""

from . import env
from .base import *  # noqa: F403

DEBUG = env.flag("DEBUG", False)
SECRET_KEY = env.required("SECRET_KEY")
if SECRET_KEY.startswith("insecure") or len(SECRET_KEY) < 32:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 32 characters.")
ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS") or ["localhost"]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env.get("SECURE_HSTS_SECONDS", "0"))
SECURE_CONTENT_TYPE_NOSNIFF = True
REFERRER_POLICY = "same-origin"

# Faults and health (docs/operations/faults-and-health.md): logs are JSON lines unless
# LOG_FORMAT=text.
LOGGING = logging_config(env.get("LOG_FORMAT", "json"), LOG_LEVEL)  # noqa: F405
