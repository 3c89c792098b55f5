"""Telling robots from people on a public form without outside services: a honeypot field
("nettsted", hidden from people) and a signed time stamp ("skjema"): a form sent within a
few seconds of being shown, or with a forged or expired stamp, is a robot's."""

import time

from django.core import signing

MIN_SECONDS = 3  # nobody fills in a name, an e-mail address and more any faster
MAX_AGE = 24 * 60 * 60  # an older form gets a fresh stamp and one more try
SALT = "registrations.registration-form"  # kept from the first home: stamps stay valid


def form_stamp():
    return signing.dumps(time.time(), salt=SALT)


def seconds_since(stamp):
    """Seconds since the form was shown, or None for a forged or expired stamp."""
    try:
        shown = signing.loads(stamp, salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - float(shown)


def looks_automated(cleaned_data):
    """True for a robot's submission (the caller then stores nothing)."""
    if cleaned_data.get("nettsted"):
        return True
    elapsed = seconds_since(cleaned_data.get("skjema") or "")
    return elapsed is None or elapsed < MIN_SECONDS
