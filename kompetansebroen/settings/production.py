"""Production settings: the default wherever DJANGO_SETTINGS_MODULE is not set (manage.py,
wsgi.py, cron). They refuse to start, with one line naming the variable, on anything unsafe:
DEBUG on, a weak SECRET_KEY, no DATABASE_URL, e-mail that goes nowhere, no admin base URL.
"""

from django.core.exceptions import ImproperlyConfigured

from . import env
from .base import *  # noqa: F403

if env.flag("DEBUG"):
    raise ImproperlyConfigured(
        "DEBUG must be off in production (it shows settings and tracebacks to visitors); "
        "remove DEBUG=true."
    )
DEBUG = False

# Django's own bar (check --deploy): at least 50 characters, at least 5 different ones, and
# not one of the published placeholders.
SECRET_KEY = env.required("SECRET_KEY")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("insecure", "django-insecure"))
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a random string of at least 50 characters, e.g. from "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

env.required("DATABASE_URL")  # base.py reads it; without it production would use SQLite

# E-mail must reach people: registrations, newsletters and password resets depend on it.
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
NOT_SENDING = {
    f"django.core.mail.backends.{kind}.EmailBackend"
    for kind in ("console", "locmem", "dummy", "filebased")
}
if EMAIL_BACKEND in NOT_SENDING:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND {EMAIL_BACKEND} does not send e-mail; production needs SMTP "
        "(EMAIL_HOST, and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD as needed)."
    )
if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    EMAIL_HOST = env.required("EMAIL_HOST")

# The site's address in e-mails and admin links; there is no request to ask when sending.
WAGTAILADMIN_BASE_URL = env.required("WAGTAILADMIN_BASE_URL").rstrip("/")
if not WAGTAILADMIN_BASE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        f"WAGTAILADMIN_BASE_URL must be the site's address, e.g. https://kompetansebroen.no, "
        f"not {WAGTAILADMIN_BASE_URL!r}."
    )

ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS") or ["localhost"]

# HTTPS: behind a proxy that terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HSTS (sent on HTTPS responses only): a year, subdomains included unless told otherwise.
# Preloading is a promise for the whole domain, made at hstspreload.org by its owner: off by
# default, and Django's reminder about it (security.W021) is silenced while it is off.
SECURE_HSTS_SECONDS = env.whole_number("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Faults and health (docs/operations/faults-and-health.md): logs are JSON lines unless
# LOG_FORMAT=text.
LOGGING = logging_config(env.get("LOG_FORMAT", "json"), LOG_LEVEL)  # noqa: F405
