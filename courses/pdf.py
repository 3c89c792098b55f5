"""The certificate as a one-page A4 PDF, drawn with DejaVu Sans.

The fonts are vendored in ``courses/fonts/`` (scripts/refresh_frontend.sh copies them from npm),
so nothing is downloaded at run time; reportlab embeds only the glyphs a certificate uses.
DejaVu covers æøå, the Sami letters (čđŋšŧž and the capitals) and the other European Latin
letters, so a name is printed exactly as it was given. A character the font lacks is drawn as
an empty box; the verification page shows the name as typed.
"""

import functools
import io
import unicodedata
from pathlib import Path

from django.utils import formats, translation

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PORTAL = "Kompetansebroen"
INK = HexColor("#1e2b3c")
ACCENT = HexColor("#0b5c73")
MUTED = HexColor("#4f5b67")
FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@functools.cache
def register_fonts():
    """Register the DejaVu Sans TTFs with reportlab, once per process."""
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def norwegian_date(day):
    with translation.override("nb"):
        return formats.date_format(day, "j. F Y")


def _centred(pdf, text, y, font, size, colour=INK, max_width=None):
    """Draw ``text`` centred at height ``y``, shrinking the type until it fits."""
    width, _height = A4
    max_width = max_width or width - 40 * mm
    while size > 8 and stringWidth(text, font, size) > max_width:
        size -= 1
    pdf.setFont(font, size)
    pdf.setFillColor(colour)
    pdf.drawCentredString(width / 2, y, text)


def _lines(text, font, size, max_width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and stringWidth(candidate, font, size) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def _wrapped_centred(pdf, text, y, font, size, max_width):
    """Centre ``text`` on at most three lines, smaller type for a long text; returns the
    baseline of the last line."""
    while size > 10 and len(_lines(text, font, size, max_width)) > 3:
        size -= 1
    leading = size * 1.3
    lines = _lines(text, font, size, max_width)
    for number, line in enumerate(lines):
        _centred(pdf, line, y - number * leading, font, size, max_width=max_width)
    return y - (len(lines) - 1) * leading


def _qr(pdf, url, x, y, size):
    widget = QrCodeWidget(url, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, x, y)


def certificate_pdf(certificate, code, verify_url):
    """The certificate as PDF bytes: portal, "Kursbevis", name, course, date passed, validity,
    the verification code, a QR code to ``verify_url`` and the URL in text."""
    register_fonts()
    buffer = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    # Composed form, so a letter typed as base + combining mark uses the font's own glyph.
    name = unicodedata.normalize("NFC", certificate.name)
    course = unicodedata.normalize("NFC", certificate.course_title)
    pdf.setTitle(f"Kursbevis: {certificate.course_title} – {certificate.name}")
    pdf.setAuthor(PORTAL)
    pdf.setSubject(f"Kursbevis {code}")
    pdf.setCreator(PORTAL)

    pdf.setStrokeColor(ACCENT)
    pdf.setLineWidth(2)
    pdf.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

    _centred(pdf, PORTAL, height - 45 * mm, BOLD, 16, ACCENT)
    _centred(pdf, "Kursbevis", height - 80 * mm, BOLD, 40)
    _centred(pdf, "Dette bekrefter at", height - 105 * mm, REGULAR, 13, MUTED)
    _centred(pdf, name, height - 122 * mm, BOLD, 26)
    _centred(pdf, "har bestått kurset", height - 138 * mm, REGULAR, 13, MUTED)
    bottom = _wrapped_centred(pdf, course, height - 153 * mm, BOLD, 18, width - 50 * mm)
    y = bottom - 16 * mm
    _centred(pdf, f"Bestått {norwegian_date(certificate.issued_on)}", y, REGULAR, 13)
    if certificate.valid_until:
        y -= 7 * mm
        _centred(pdf, f"Gyldig til {norwegian_date(certificate.valid_until)}", y, REGULAR, 13)

    qr_size = 38 * mm
    _qr(pdf, verify_url, (width - qr_size) / 2, 58 * mm, qr_size)
    _centred(pdf, f"Kontrollkode: {code}", 48 * mm, BOLD, 12)
    _centred(pdf, "Kontroller kursbeviset på", 40 * mm, REGULAR, 10, MUTED)
    _centred(pdf, verify_url, 34 * mm, REGULAR, 10, ACCENT)
    pdf.linkURL(verify_url, (20 * mm, 32 * mm, width - 20 * mm, 38 * mm))

    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
