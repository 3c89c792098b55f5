"""Display filters for the public templates: durations, dates, file types and sizes, embeds."""

import re

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _as_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def _human_minutes(total_minutes):
    hours, minutes = divmod(total_minutes, 60)
    if hours and minutes:
        return _("%(hours)d t %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if hours:
        return _("%(hours)d t") % {"hours": hours}
    return _("%(minutes)d min") % {"minutes": minutes}


@register.filter
def minutes_duration(value):
    """80 -> "1 t 20 min"; 45 -> "45 min"; empty for missing or invalid values."""
    minutes = _as_int(value)
    if not minutes:
        return ""
    return _human_minutes(minutes)


@register.filter
def seconds_duration(value):
    """4800 -> "1 t 20 min"; under a minute -> "40 sek"; rounds to the nearest minute."""
    seconds = _as_int(value)
    if not seconds:
        return ""
    if seconds < 60:
        return _("%(seconds)d sek") % {"seconds": seconds}
    return _human_minutes((seconds + 30) // 60)


@register.filter
def iso_duration(value, unit="seconds"):
    """An ISO 8601 duration for <time datetime="…">: 4800 -> "PT1H20M"."""
    number = _as_int(value)
    if not number:
        return ""
    seconds = number * 60 if unit == "minutes" else number
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = "".join(
        f"{amount}{letter}"
        for amount, letter in ((hours, "H"), (minutes, "M"), (seconds, "S"))
        if amount
    )
    return f"PT{parts}"


@register.filter
def iso_datetime(value):
    """A valid HTML datetime in local time, to the minute: "2026-03-05T09:00+01:00"."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="minutes")


def _url_path(url):
    return str(url or "").split("?", 1)[0].split("#", 1)[0].lower()


@register.filter
def is_playable_video(url):
    """True for direct video files the browser can play in <video> (.mp4, .webm)."""
    return bool(url) and _url_path(url).endswith((".mp4", ".webm"))


@register.filter
def video_mime_type(url):
    return "video/webm" if _url_path(url).endswith(".webm") else "video/mp4"


@register.filter
def file_extension(filename):
    """ "rapport.PDF" -> "PDF" (for document links: type and size in the link text)."""
    name = str(filename or "")
    return name.rsplit(".", 1)[-1].upper() if "." in name else ""


@register.simple_tag
def document_meta(document):
    """ "PDF, 1,2 MB": file type and size for a document link (either part may be missing)."""
    parts = [file_extension(getattr(document, "filename", ""))]
    size = getattr(document, "file_size", None)
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(part for part in parts if part)


@register.filter
def iframe_title(html, title):
    """Give an embed's <iframe> the editor's title, so screen readers can name the frame."""
    html = str(html or "")
    if not title or "<iframe" not in html or re.search(r"<iframe[^>]*\stitle=", html):
        return mark_safe(html)  # noqa: S308 - embed HTML comes from Wagtail's trusted embed finders
    return mark_safe(  # noqa: S308 - as above; the title itself is escaped
        html.replace("<iframe", f'<iframe title="{escape(title)}"', 1)
    )
