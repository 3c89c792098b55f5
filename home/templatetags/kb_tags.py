"""Small template helpers for the public site: durations, navigation, file sizes."""

import re

from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
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


@register.simple_tag(takes_context=True)
def nav_state(context, path):
    """ "page" when the request is for ``path`` itself, "true" inside that section, else ""."""
    request = context.get("request")
    if request is None:
        return ""
    current = request.path
    if current == path:
        return "page"
    if path != "/" and current.startswith(path):
        return "true"
    return ""


@register.filter
def is_playable_video(url):
    """True for direct video files the browser can play in <video> (.mp4, .webm)."""
    if not url:
        return False
    path = str(url).split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith((".mp4", ".webm"))


@register.filter
def video_mime_type(url):
    path = str(url or "").split("?", 1)[0].split("#", 1)[0].lower()
    return "video/webm" if path.endswith(".webm") else "video/mp4"


@register.filter
def file_extension(filename):
    """ "rapport.PDF" -> "PDF" (for document links: type and size in the link text)."""
    name = str(filename or "")
    return name.rsplit(".", 1)[-1].upper() if "." in name else ""


@register.simple_tag
def page_numbers(items):
    """The page numbers to link around the current page, with None where some are left out."""
    paginator = items.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(items.number, on_each_side=1, on_ends=1)
    ]


@register.filter
def iframe_title(html, title):
    """Give an embed's <iframe> the editor's title, so screen readers can name the frame."""
    html = str(html or "")
    if not title or "<iframe" not in html or re.search(r"<iframe[^>]*\stitle=", html):
        return mark_safe(html)  # noqa: S308 - embed HTML comes from Wagtail's trusted embed finders
    return mark_safe(  # noqa: S308 - as above; the title itself is escaped
        html.replace("<iframe", f'<iframe title="{escape(title)}"', 1)
    )


@register.simple_tag
def document_meta(document):
    """ "PDF, 1,2 MB": file type and size for a document link (either part may be missing)."""
    parts = [file_extension(getattr(document, "filename", ""))]
    size = getattr(document, "file_size", None)
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(part for part in parts if part)


# The national listing page each front-page section links to ("Se alle …").
SECTION_PATHS = {
    "course": "/e-kurs/",
    "film": "/film/",
    "podcast_episode": "/podkast/",
    "podcast_series": "/podkast/",
    "article": "/fagartikler/",
    "news": "/aktuelt/",
    "event": "/kurs-og-moteplasser/",
    "theme": "/fagtema/",
    "project": "/prosjekter/",
}


@register.filter
def section_path(type_slug):
    return SECTION_PATHS.get(type_slug, "")


@register.simple_tag(takes_context=True)
def query_without_page(context):
    """The current query string without ``page``, for pagination links that keep filters."""
    request = context.get("request")
    if request is None:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@register.filter
def iso_datetime(value):
    """A valid HTML datetime in local time, to the minute: "2026-03-05T09:00+01:00"."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="minutes")


@register.simple_tag(takes_context=True)
def nav_cache_key(context):
    """What the main menu's markup depends on besides the language: the first path segment
    (after any /nn/ or /en/ prefix) and whether the request is for that section's root."""
    request = context.get("request")
    if request is None:
        return ""
    segments = [segment for segment in request.path.split("/") if segment]
    if segments and segments[0] in {code for code, _name in settings.LANGUAGES}:
        segments = segments[1:]
    if not segments:
        return "front"
    return f"{segments[0][:60]}:{'root' if len(segments) == 1 else 'inside'}"


@register.simple_tag
def fragment_cache_seconds():
    """Lifetime of the cached menu and footer (settings.FRAGMENT_CACHE_SECONDS)."""
    return settings.FRAGMENT_CACHE_SECONDS


@register.simple_tag
def fragment_version():
    from home.navigation import fragment_version as version

    return version()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    from home.navigation import main_navigation as items

    return items(context.get("request"), translation.get_language())


@register.simple_tag(takes_context=True)
def footer_links(context, site_settings):
    from home.navigation import footer_links as links

    return links(context.get("request"), site_settings, translation.get_language())
