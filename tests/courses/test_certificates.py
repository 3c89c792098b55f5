"""Issuing, finding and removing certificates, and the PDF, without a request."""

import datetime
import io
import re
import secrets

import pytest
from pypdf import PdfReader

from builder.tree import ensure_index_page
from courses import certificates
from courses.models import Certificate
from courses.passes import Pass, digest
from courses.pdf import certificate_pdf
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db

CODE_SHAPE = re.compile(r"^KB-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$")


def a_pass(course, percent=90):
    return Pass(course_id=course.pk, percent=percent, attempt=secrets.token_urlsafe(16))


def test_issue_stores_only_digests_and_the_facts_verification_needs(course):
    issued = certificates.issue(
        a_pass(course), "  Kari   Nordmann ", today=datetime.date(2026, 3, 2)
    )
    certificate = Certificate.objects.get()
    assert CODE_SHAPE.match(issued.code)
    assert certificate.name == "Kari Nordmann"
    assert certificate.course_title == "Legemiddelhåndtering i kommunen"
    assert certificate.course_id == course.pk
    assert certificate.issued_on == datetime.date(2026, 3, 2)
    assert certificate.valid_until == datetime.date(2030, 3, 2)
    stored = " ".join(str(value) for value in Certificate.objects.values_list().get())
    assert issued.code not in stored
    assert issued.code.replace("-", "")[2:] not in stored
    assert issued.removal_key not in stored
    assert certificate.removal_digest == digest(issued.removal_key)


def test_codes_are_random_and_hold_80_bits(course):
    codes = {certificates.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(CODE_SHAPE.match(code) for code in codes)
    assert len(certificates.CROCKFORD) ** certificates.CODE_LENGTH >= 2**80


def test_find_accepts_the_code_as_people_type_it(course):
    code = certificates.issue(a_pass(course), "Kari Nordmann").code
    body = code[3:]
    typed = [
        code,
        code.lower(),
        body.replace("-", " "),
        " " + body.replace("-", "").lower() + " ",
        "kb " + body.replace("-", "  "),
        code.replace("0", "O").replace("1", "I"),
    ]
    for variant in typed:
        assert certificates.find(variant) is not None, variant
    assert certificates.find("KB-0000-0000-0000-0000") is None
    assert certificates.find("not a code") is None
    assert certificates.find("") is None


def test_certificate_without_validity_period_never_expires(course):
    course.certificate_valid_years = None
    course.save()
    certificate = certificates.issue(a_pass(course), "Ola Nordmann").certificate
    assert certificate.valid_until is None
    assert not certificates.is_expired(certificate, today=datetime.date(2100, 1, 1))


def test_validity_from_29_february_ends_on_28_february_in_a_common_year():
    assert certificates.add_years(datetime.date(2024, 2, 29), 1) == datetime.date(2025, 2, 28)
    assert certificates.add_years(datetime.date(2024, 2, 29), 4) == datetime.date(2028, 2, 29)
    assert certificates.add_years(datetime.date(2025, 12, 31), 4) == datetime.date(2029, 12, 31)


def test_expired_only_after_the_last_valid_day(course):
    certificate = certificates.issue(
        a_pass(course), "Kari Nordmann", today=datetime.date(2020, 5, 1)
    ).certificate
    assert not certificates.is_expired(certificate, today=datetime.date(2024, 5, 1))
    assert certificates.is_expired(certificate, today=datetime.date(2024, 5, 2))


@pytest.mark.parametrize(
    "name",
    ["", "   ", "K", "x" * 201, "Kari\x00Nordmann", "Kari\x1bNordmann", "Kari\u202eNordmann"],
)
def test_names_that_cannot_be_printed_are_refused(course, name):
    with pytest.raises(certificates.InvalidName) as refused:
        certificates.issue(a_pass(course), name)
    assert str(refused.value.message)
    assert not Certificate.objects.exists()


def test_names_with_norwegian_and_sami_letters_are_kept_as_typed(course):
    certificate = certificates.issue(a_pass(course), "Áilu Čáhppes-Ørnø").certificate
    assert certificate.name == "Áilu Čáhppes-Ørnø"


def test_result_below_the_pass_mark_issues_nothing(course):
    with pytest.raises(certificates.NotPassed):
        certificates.issue(a_pass(course, percent=79), "Kari Nordmann")
    assert not Certificate.objects.exists()


def test_one_attempt_issues_one_certificate(course):
    pass_ = a_pass(course)
    certificates.issue(pass_, "Kari Nordmann")
    with pytest.raises(certificates.AlreadyIssued):
        certificates.issue(pass_, "Kari Nordmann")
    assert Certificate.objects.count() == 1


def test_unpublished_or_certificate_less_courses_issue_nothing(course):
    course.unpublish()
    with pytest.raises(certificates.CourseUnavailable):
        certificates.issue(a_pass(course), "Kari Nordmann")
    other = CoursePageFactory(parent=ensure_index_page("course"), has_exam=False)
    with pytest.raises(certificates.CourseUnavailable):
        certificates.issue(a_pass(other), "Kari Nordmann")
    with pytest.raises(certificates.CourseUnavailable):
        certificates.issue(Pass(course_id=999999, percent=100, attempt="x"), "Kari Nordmann")
    assert not Certificate.objects.exists()


def test_remove_needs_the_removal_key(course):
    issued = certificates.issue(a_pass(course), "Kari Nordmann")
    assert certificates.remove(issued.code, "feil-nokkel") is False
    assert certificates.remove(issued.code, "") is False
    assert certificates.find(issued.code) is not None
    assert certificates.remove(issued.code.lower(), issued.removal_key) is True
    assert certificates.find(issued.code) is None
    assert certificates.remove(issued.code, issued.removal_key) is False


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_holds_name_course_dates_code_and_verification_address(course):
    issued = certificates.issue(
        a_pass(course), "Øyvind Ærlig Åsen", today=datetime.date(2026, 12, 2)
    )
    url = f"https://kompetansebroen.no/kursbevis/{issued.code}/"
    reader, text = pdf_text(certificate_pdf(issued.certificate, issued.code, url))
    assert len(reader.pages) == 1
    assert "Kompetansebroen" in text
    assert "Kursbevis" in text
    assert "Øyvind Ærlig Åsen" in text
    assert "Legemiddelhåndtering i kommunen" in text
    assert "Bestått 2. desember 2026" in text
    assert "Gyldig til 2. desember 2030" in text
    assert issued.code in text
    assert url in text
    assert reader.metadata.title == "Kursbevis: Legemiddelhåndtering i kommunen – Øyvind Ærlig Åsen"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_pdf_without_validity_period_says_nothing_about_expiry(course):
    course.certificate_valid_years = None
    course.save()
    issued = certificates.issue(a_pass(course), "Kari Nordmann")
    _reader, text = pdf_text(certificate_pdf(issued.certificate, issued.code, "https://x/"))
    assert "Gyldig til" not in text


def test_pdf_fits_a_long_course_title():
    certificate = Certificate(
        name="Áilu Čáhppes Ŋ",
        course_title="Et svært langt kursnavn " * 10,
        issued_on=datetime.date(2026, 1, 5),
    )
    _reader, text = pdf_text(certificate_pdf(certificate, "KB-0000-0000-0000-0000", "https://x/"))
    assert "Áilu Čáhppes Ŋ" in text
    assert text.count("kursnavn") == 10


@pytest.mark.parametrize(
    "name", ["Máret Ŋuolja-Čohkka Đuvvon Ŧ Šárá Žuolo", "Łukasz Świątek", "Ződ Ńęźą Ŋŧđ čšž"]
)
def test_pdf_prints_sami_and_other_european_letters_exactly(course, name):
    issued = certificates.issue(a_pass(course), name)
    _reader, text = pdf_text(certificate_pdf(issued.certificate, issued.code, "https://x/"))
    assert name in text


def test_pdf_prints_a_name_typed_with_combining_marks_composed(course):
    issued = certificates.issue(a_pass(course), "C\u030ca\u0301hppes")  # base + combining mark
    _reader, text = pdf_text(certificate_pdf(issued.certificate, issued.code, "https://x/"))
    assert "Čáhppes" in text


def test_lookup_limit_counts_per_client_and_starts_over_with_the_next_window(rf):
    from django.core.cache import cache

    from guards.ratelimit import LOOKUPS, WINDOW_SECONDS, over_limit

    start = 1_800_000_000 - 1_800_000_000 % WINDOW_SECONDS
    visitor = rf.get("/kursbevis/", REMOTE_ADDR="192.0.2.7")
    for _ in range(LOOKUPS):
        assert over_limit(visitor, now=start) is None
    assert over_limit(visitor, now=start + 60) == WINDOW_SECONDS - 60
    assert over_limit(rf.get("/", REMOTE_ADDR="192.0.2.8"), now=start + 60) is None
    assert over_limit(visitor, now=start + WINDOW_SECONDS) is None
    # The cache holds a keyed hash of the address, never the address itself.
    keys = [key for key in cache._cache if "ratelimit" in key]  # locmem's own store
    assert keys and not any("192.0.2" in key for key in keys)


def test_privacy_page_says_what_a_certificate_stores_and_how_to_delete_it():
    from builder.demo.content import STANDARD_PAGES

    _field, slug, _title, intro, body = next(p for p in STANDARD_PAGES if p[0] == "privacy_page")
    assert slug == "personvern"
    assert "samler ikke inn personopplysninger" not in intro
    headings = [value["text"] for kind, value in body if kind == "heading"]
    assert "Kursbevis" in headings
    section = body[
        [kind == "heading" and value["text"] == "Kursbevis" for kind, value in body].index(True) + 1
    ][1]
    for fact in ["navnet", "kurset", "datoen", "fingeravtrykk", "slettelenken", "søkemotorer"]:
        assert fact in section
