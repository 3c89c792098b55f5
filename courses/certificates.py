"""Issuing, finding and removing course certificates (kursbevis).

The verification code and the removal key exist in clear only in what ``issue`` returns (the
holder sees them once); the database keeps their SHA-256 digests. A code is 80 random bits in
Crockford base32, written KB-XXXX-XXXX-XXXX-XXXX, so a person can read it aloud and type it.
"""

import calendar
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from courses.models import Certificate
from courses.passes import Pass, digest
from tally.counter import count
from tally.events import Event

CODE_PREFIX = "KB"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 16 symbols of 5 bits: 80 random bits
CODE_GROUP = 4
# What people type for the symbols Crockford base32 leaves out.
LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
SEPARATORS = re.compile(r"[\s\-_.]+")
NAME_MIN, NAME_MAX = 2, 200
# Control, format (e.g. bidirectional overrides), private-use and surrogate characters.
FORBIDDEN = {"Cc", "Cf", "Co", "Cs"}


class CertificateError(Exception):
    """Why a certificate was not issued; ``message`` is shown to the visitor."""

    message = _("Kursbeviset kunne ikke lages.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class InvalidPass(CertificateError):
    message = _(
        "Beviset på at du har bestått er ugyldig eller for gammelt. Ta testen på nytt for å "
        "få et kursbevis."
    )


class CourseUnavailable(CertificateError):
    message = _("Kurset finnes ikke lenger eller gir ikke kursbevis.")


class NotPassed(CertificateError):
    message = _("Resultatet er under grensen for bestått, så det kan ikke lages kursbevis.")


class InvalidName(CertificateError):
    """The name cannot be printed; the visitor may correct it and try again."""


class AlreadyIssued(CertificateError):
    message = _(
        "Det er allerede laget et kursbevis for dette forsøket. Bruk lenken du fikk da, "
        "eller ta testen på nytt."
    )


@dataclass(frozen=True)
class Issued:
    certificate: Certificate
    code: str  # KB-XXXX-XXXX-XXXX-XXXX, shown once
    removal_key: str  # shown once, in the removal link


def new_code():
    body = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_LENGTH))
    return format_code(body)


def format_code(body):
    groups = [body[i : i + CODE_GROUP] for i in range(0, len(body), CODE_GROUP)]
    return "-".join([CODE_PREFIX, *groups])


def normalise_code(text):
    """The 16 code symbols in what a person typed (any case, spaces, dashes, with or without
    the KB prefix, O for 0 and I or L for 1), or None if it cannot be a code."""
    compact = SEPARATORS.sub("", text or "").upper()
    if len(compact) == CODE_LENGTH + len(CODE_PREFIX) and compact.startswith(CODE_PREFIX):
        compact = compact[len(CODE_PREFIX) :]
    compact = compact.translate(LOOKALIKES)
    if len(compact) != CODE_LENGTH or any(symbol not in CROCKFORD for symbol in compact):
        return None
    return compact


def canonical_code(text):
    """KB-XXXX-XXXX-XXXX-XXXX for what a person typed, or None if it cannot be a code."""
    body = normalise_code(text)
    return format_code(body) if body else None


def code_digest(text):
    body = normalise_code(text)
    return digest(body) if body else None


def clean_name(name):
    """The name as it will be printed: stripped, inner whitespace collapsed; InvalidName if it
    is too short, too long or holds control characters."""
    name = name or ""
    if any(unicodedata.category(char) in FORBIDDEN and char not in "\t\n\r" for char in name):
        raise InvalidName(_("Navnet kan ikke inneholde kontrolltegn."))
    cleaned = " ".join(name.split())
    if len(cleaned) < NAME_MIN:
        raise InvalidName(_("Skriv navnet ditt, minst to tegn."))
    if len(cleaned) > NAME_MAX:
        raise InvalidName(_("Navnet kan være høyst 200 tegn."))
    return cleaned


def add_years(day, years):
    """The same date ``years`` later; 29 February becomes 28 February in a common year, so a
    validity period never grows by a day."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return day.replace(year=year, day=28)
    return day.replace(year=year)


def certificate_course(course_id):
    """The live page of the course with ``course_id`` if it offers a certificate."""
    page = Page.objects.live().filter(pk=course_id).first()
    course = page.specific if page is not None else None
    if course is None or not getattr(course, "offers_certificate", False):
        raise CourseUnavailable()
    return course


def issue(pass_: Pass, name, today=None):
    """Issue the certificate for a passed attempt; returns Issued with the code and removal
    key in clear (the only time they are). Raises a CertificateError subclass otherwise."""
    course = certificate_course(pass_.course_id)
    if pass_.percent < course.pass_mark:
        raise NotPassed()
    cleaned = clean_name(name)
    if Certificate.objects.filter(attempt_digest=pass_.attempt_digest).exists():
        raise AlreadyIssued()
    issued_on = today or timezone.localdate()
    years = course.certificate_valid_years
    code = new_code()
    removal_key = secrets.token_urlsafe(24)
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                code_digest=code_digest(code),
                removal_digest=digest(removal_key),
                attempt_digest=pass_.attempt_digest,
                course=course,
                course_title=course.title,
                name=cleaned,
                issued_on=issued_on,
                valid_until=add_years(issued_on, years) if years else None,
            )
    except IntegrityError as error:
        # Two submissions of the same pass at once: the unique attempt digest lets one win.
        raise AlreadyIssued() from error
    count(Event.CERTIFICATE, course.pk)  # the usage statistics (tally/): no name, no code
    return Issued(certificate=certificate, code=code, removal_key=removal_key)


def find(code):
    """The certificate with this code (as a person typed it), or None."""
    code_hash = code_digest(code)
    if code_hash is None:
        return None
    return Certificate.objects.filter(code_digest=code_hash).first()


def find_removable(code, key):
    """The certificate if ``key`` is its removal key, or None."""
    certificate = find(code)
    if certificate is None or not key:
        return None
    if not hmac.compare_digest(digest(key), certificate.removal_digest):
        return None
    return certificate


def remove(code, key):
    """Delete the certificate if ``key`` is its removal key; True if one was deleted."""
    certificate = find_removable(code, key)
    if certificate is None:
        return False
    certificate.delete()
    return True


def is_expired(certificate, today=None):
    if certificate.valid_until is None:
        return False
    return (today or timezone.localdate()) > certificate.valid_until
