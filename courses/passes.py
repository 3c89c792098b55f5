"""Signed tokens that carry an attempt through a visitor's browser, without an account.

An attempt token is given with the exam form (or the SCORM player) and names the course and a
random attempt id. A pass token is given only after the server has seen a pass; the
certificate form sends it back, and one attempt issues one certificate (the attempt id's
digest is stored with the certificate).
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache

ATTEMPT_SALT = "courses.attempt"
PASS_SALT = "courses.pass"  # noqa: S105 (a signing salt, not a secret)
# An exam or a SCORM course may take a working day; a pass is turned into a certificate soon.
ATTEMPT_MAX_AGE = 12 * 60 * 60
PASS_MAX_AGE = 24 * 60 * 60


class BadToken(Exception):
    """The token was altered, belongs to another course, or has expired."""


@dataclass(frozen=True)
class Pass:
    course_id: int
    percent: int
    attempt: str

    @property
    def attempt_digest(self):
        return digest(self.attempt)


def digest(value):
    return hashlib.sha256(value.encode()).hexdigest()


def attempt_token(course):
    return signing.dumps({"c": course.pk, "a": secrets.token_urlsafe(16)}, salt=ATTEMPT_SALT)


def read_attempt(token, course):
    """The attempt id in ``token`` if it is this course's and fresh; BadToken otherwise."""
    try:
        data = signing.loads(token or "", salt=ATTEMPT_SALT, max_age=ATTEMPT_MAX_AGE)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    if data.get("c") != course.pk or not isinstance(data.get("a"), str):
        raise BadToken("attempt of another course")
    return data["a"]


def pass_token(course, percent, attempt):
    return signing.dumps({"c": course.pk, "p": int(percent), "a": attempt}, salt=PASS_SALT)


def read_pass(token):
    """The Pass in ``token``; BadToken if it was altered or has expired."""
    try:
        data = signing.loads(token or "", salt=PASS_SALT, max_age=PASS_MAX_AGE)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    try:
        return Pass(course_id=int(data["c"]), percent=int(data["p"]), attempt=str(data["a"]))
    except (KeyError, TypeError, ValueError) as error:
        raise BadToken("malformed pass") from error


def claim_attempt(attempt):
    """True the first time an attempt is handed in, False after that (a resubmitted form, the
    back button): one attempt is scored and counted in the statistics once. Kept in the cache
    for as long as the attempt token is valid. If the cache does not answer (Redis down: it
    returns None instead of True or False), the attempt is scored: a resubmitted form may then
    be counted twice, but nobody is refused."""
    return cache.add(f"courses:attempt:{digest(attempt)}", True, ATTEMPT_MAX_AGE) is not False


def claim_completion(attempt):
    """True the first time an attempt is reported passed, False after that (the SCORM player
    sends its result again after a network error), so a completion is counted once; as in
    ``claim_attempt``, without the cache it is counted each time."""
    return cache.add(f"courses:completed:{digest(attempt)}", True, ATTEMPT_MAX_AGE) is not False
