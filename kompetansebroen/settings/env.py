"""Every environment variable the project reads, in one place (listed in .env.example)."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUTHY = {"1", "true", "yes", "on"}


def get(name, default=None):
    value = os.environ.get(name, "").strip()
    return value or default


def flag(name, default=False):
    value = get(name)
    if value is None:
        return default
    return value.lower() in TRUTHY


def whole_number(name, default):
    """A non-negative whole number; anything else stops start-up with one readable line."""
    value = get(name)
    if value is None:
        return default
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}.")
    return int(value)


def csv(name, default=""):
    return [part.strip() for part in (get(name) or default).split(",") if part.strip()]


def required(name):
    value = get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value
