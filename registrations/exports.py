"""Registrations as a spreadsheet for the organiser: CSV (semicolon-separated, with a BOM, so
Excel in Norwegian opens it right) and Excel (.xlsx, openpyxl)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook


def _header():
    return [
        _("Navn"),
        _("E-post"),
        _("Arbeidssted"),
        _("Yrke"),
        _("Allergier eller matbehov"),
        _("Status"),
        _("Påmeldt"),
    ]


def _rows(registrations):
    for registration in registrations:
        yield [
            registration.name,
            registration.email,
            registration.workplace,
            registration.profession,
            registration.dietary,
            registration.get_status_display(),
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
        ]


def _safe(value):
    """Text a spreadsheet will not run as a formula (CSV/Excel injection)."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def as_csv(registrations):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_header())
    for row in _rows(registrations):
        writer.writerow([_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def as_xlsx(registrations, title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Påmeldinger")[:31]
    sheet.append(_header())
    for row in _rows(registrations):
        sheet.append([_safe(value) for value in row])
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
