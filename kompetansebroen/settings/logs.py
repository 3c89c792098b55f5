"""Builds LOGGING: every record to stdout (the process manager or container keeps it), as JSON
lines in production (LOG_FORMAT=json) and readable text in development, each with the request
id of the request it belongs to (ops/request_id.py).

Django's defaults drop errors when DEBUG is off (they go to ADMINS by e-mail, and there are
none); here ``django.request`` logs every 500 with its traceback. Its 4xx warnings are left
out: the request line (logger ``ops.requests``) already has each request's status, without
the query string. runserver's own request line (``django.server``), which has the query string,
is replaced by the same request line.
"""

from django.core.exceptions import ImproperlyConfigured

FORMATS = ("json", "text")
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def logging_config(log_format="text", level="INFO"):
    if log_format not in FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {FORMATS}, got {log_format!r}.")
    level = level.upper()
    if level not in LEVELS:
        raise ImproperlyConfigured(f"LOG_LEVEL must be one of {LEVELS}, got {level!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "ops.request_id.RequestIdFilter"},
            "skipped_redis_calls": {"()": "ops.redis_guard.SkippedFilter"},
        },
        "formatters": {
            "json": {"()": "ops.log_format.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["request_id"],
            },
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Handlers of Django's defaults (console with DEBUG, mail_admins) removed: its
            # records go to the root's handler.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"handlers": [], "level": "ERROR", "propagate": True},
            "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
            # Robots asking by IP address: a traceback each; the request line has the 400.
            "django.security.DisallowedHost": {"handlers": [], "propagate": False},
            "django_redis.cache": {"filters": ["skipped_redis_calls"], "propagate": True},
            # Wagtail logs each page published, moved or deleted at INFO: its audit log (the
            # admin's "Logs") has them, with who did it; a bulk import or scheduled publishing
            # would write hundreds of lines between the command's own output.
            "wagtail": {"level": "WARNING"},
            # The search engines' clients log every request at INFO.
            "elastic_transport": {"level": "WARNING"},
            "opensearch": {"level": "WARNING"},
        },
    }
