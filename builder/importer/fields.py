"""Value checkers for corpus fields, and the corpus field table per resource type key.

Each checker returns the typed value or raises ValueError with a reason for the error line.
"""

import datetime
import json
import re
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from projects.models import ProjectStatus
from resources.doi import normalise_doi
from resources.models.course import CourseFormat
from resources.models.research import FIRST_YEAR, latest_year

OSLO = ZoneInfo("Europe/Oslo")


def show(value):
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def text(max_length=None, blank=True):
    def check(value):
        if not isinstance(value, str):
            raise ValueError(f"expected text, got {show(value)}")
        value = value.strip()
        if not blank and not value:
            raise ValueError("must not be empty")
        if max_length and len(value) > max_length:
            raise ValueError(f"longer than {max_length} characters ({len(value)})")
        return value

    return check


def whole_number(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a whole number, got {show(value)}")
    return value


def boolean(value):
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {show(value)}")
    return value


def url(value):
    value = text(max_length=200, blank=False)(value)
    try:
        URLValidator()(value)
    except ValidationError:
        raise ValueError(f"expected a URL, got {show(value)}") from None
    return value


def date(value):
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date YYYY-MM-DD, got {show(value)}")


def local_datetime(value):
    """'2025-10-08T13:00' in Oslo time -> an aware datetime."""
    pattern = r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?"
    if isinstance(value, str) and re.fullmatch(pattern, value):
        try:
            return datetime.datetime.fromisoformat(value).replace(tzinfo=OSLO)
        except ValueError:
            pass
    raise ValueError(f"expected a local time YYYY-MM-DDTHH:MM, got {show(value)}")


def choice(*options):
    def check(value):
        if value not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {show(value)}")
        return value

    return check


def text_list(max_length=300):
    def check(value):
        if not isinstance(value, list):
            raise ValueError(f"expected a list of texts, got {show(value)}")
        return [text(max_length, blank=False)(entry) for entry in value]

    return check


def slug_list(value):
    if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
        raise ValueError(f"expected a list of slugs, got {show(value)}")
    return list(dict.fromkeys(value))


def doi(value):
    """'10.1234/abc' (a doi.org address or 'doi:' before it is dropped); '' for none."""
    value = text(max_length=255)(value)
    if not value:
        return ""
    try:
        return normalise_doi(value)
    except ValidationError:
        raise ValueError(f"expected a DOI like 10.1234/abcd, got {show(value)}") from None


def year(value):
    is_number = isinstance(value, int) and not isinstance(value, bool)
    if is_number and FIRST_YEAR <= value <= latest_year():
        return value
    raise ValueError(f"expected a year from {FIRST_YEAR} to {latest_year()}, got {show(value)}")


def period(value):
    """'2023–2026' (en dash or hyphen), '2023–' or '2023' -> (start_year, end_year)."""
    match = isinstance(value, str) and re.fullmatch(r"(\d{4})\s*(?:[–-]\s*(\d{4})?)?", value)
    if not match:
        raise ValueError(f"expected a period like 2023–2026, got {show(value)}")
    start, end = int(match[1]), int(match[2]) if match[2] else None
    if end is not None and end < start:
        raise ValueError(f"ends before it starts: {show(value)}")
    return start, end


# Per type: (corpus key, model field or None, checker, required, default when missing/null).
TYPE_FIELDS = {
    "course": [
        ("duration_minutes", "duration_minutes", whole_number, False, None),
        ("provider", "provider", text(200), False, ""),
        ("has_exam", "has_exam", boolean, False, False),
        (
            "course_format",
            "course_format",
            choice(*CourseFormat.values),
            False,
            CourseFormat.E_LEARNING.value,
        ),
        ("course_url", "course_url", url, False, ""),
    ],
    "podcast_episode": [
        ("series", None, text(200, blank=False), True, None),
        ("season", "season_number", whole_number, False, None),
        ("episode_number", "episode_number", whole_number, False, None),
        ("duration_seconds", "duration_seconds", whole_number, False, None),
        ("audio_url", "audio_url", url, True, None),
        ("guests_roles", "guests", text_list(), False, []),
        ("transcript", "transcript", text(), False, ""),
    ],
    "film": [
        ("video_url", "video_url", url, True, None),
        ("duration_seconds", "duration_seconds", whole_number, False, None),
        ("has_captions", "has_captions", boolean, False, False),
        ("transcript", "transcript", text(), False, ""),
    ],
    "article": [],
    "research": [
        ("authors", "authors", text_list(), False, []),
        ("institution", "institution", text(255), False, ""),
        ("publication", "publication", text(255), False, ""),
        ("year", "publication_year", year, False, None),
        ("doi", "doi", doi, False, ""),
        ("link", "link", url, False, ""),
        ("practice_summary", "practice_summary", text(1200), False, ""),
        ("implementation_notes", "implementation_notes", text(), False, ""),
    ],
    "news": [("shared_with_regions", None, slug_list, False, [])],
    "event": [
        ("start", "start", local_datetime, True, None),
        ("end", "end", local_datetime, False, None),
        ("location", "location", text(255), False, ""),
        ("online", "online", boolean, False, False),
        ("registration_deadline", "registration_deadline", date, False, None),
        ("registration_url", "registration_url", url, False, ""),
        ("capacity", "capacity", whole_number, False, None),
        ("organiser", "organiser", text(200), False, ""),
    ],
    "theme": [("topic", None, text(80, blank=False), True, None)],
    "project": [
        ("partners", "partners", text_list(), False, []),
        ("goals", "goals", text_list(), False, []),
        ("status", "status", choice(*ProjectStatus.values), False, ProjectStatus.ACTIVE.value),
        ("period", None, period, False, (None, None)),
    ],
}
