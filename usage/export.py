"""The report as CSV for the annual report: one row per item and month with any use, every
event in its own column, so a spreadsheet can sum it by area, type, topic or month (a pivot
table) without a second export. Semicolon-separated with a BOM, as Excel in Norwegian
expects (registrations/exports.py does the same)."""

import csv
import io

from django.utils.translation import gettext as _

from usage.figures import EVENTS, PAGE


def _safe(value):
    """Text a spreadsheet will not run as a formula (CSV injection): titles are editors'."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def header():
    return [
        _("År"),
        _("Måned"),
        _("Område"),
        _("Innholdstype"),
        _("Fagtema"),
        _("Språk"),
        _("ID"),
        _("Tittel"),
        _("Adresse"),
        *[str(event.label) for event in EVENTS],
    ]


def rows(report):
    national = _("Nasjonalt")
    for item in sorted(report.items, key=lambda item: (item.kind, item.pk)):
        ident = f"{'side' if item.kind == PAGE else 'dokument'}-{item.pk}"
        for month in sorted(item.months):
            counts = item.months[month]
            if not any(counts.values()):
                continue
            yield [
                report.year,
                month,
                item.region.name if item.region else national,
                item.type_label,
                ", ".join(item.topics),
                item.language,
                ident,
                item.title,
                item.url,
                *[counts[event.value] for event in EVENTS],
            ]


def as_csv(report):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header())
    for row in rows(report):
        writer.writerow([_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8")
