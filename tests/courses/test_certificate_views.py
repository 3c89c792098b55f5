"""The /kursbevis/ pages through the Django test client: issuing from a real pass token,
verifying, the PDF, removal, the check form, errors and the lookup limit."""

import datetime
import io
import secrets
import time

from django.core import signing

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from courses import certificates
from courses.models import Certificate
from courses.passes import PASS_MAX_AGE, PASS_SALT, Pass, pass_token
from guards.ratelimit import LOOKUPS

pytestmark = pytest.mark.django_db

ISSUE = "/kursbevis/utsted/"


def token(course, percent=90, attempt=None):
    return pass_token(course, percent, attempt or secrets.token_urlsafe(16))


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return " ".join(soup(response).get_text().split())


def issue(client, course, name="Kari Nordmann", **token_args):
    return client.post(ISSUE, {"name": name, "pass_token": token(course, **token_args)})


def issued_links(response):
    page = soup(response)
    code = page.select_one(".certificate__code").get_text(strip=True)
    removal = page.select_one(".certificate__removal a")["href"]
    pdf = page.find("a", string="Last ned kursbevis (PDF)")["href"]
    return code, removal, pdf


def test_passing_visitor_gets_code_pdf_link_and_removal_link_shown_once(client, course):
    response = issue(client, course, name=" Kari  Nordmann ")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    code, removal, pdf = issued_links(response)
    assert certificates.canonical_code(code) == code
    assert f"http://testserver/kursbevis/{code}/" in text(response)
    assert removal.startswith(f"http://testserver/kursbevis/{code}/slett/")
    assert pdf == f"/kursbevis/{code}/pdf/"
    assert "Ta vare på denne lenken" in text(response)
    assert "Den vises bare nå" in text(response)
    certificate = Certificate.objects.get()
    assert certificate.name == "Kari Nordmann"


def test_issued_code_verifies_with_name_course_date_and_valid_status(client, course):
    code, _removal, _pdf = issued_links(issue(client, course))
    response = client.get(f"/kursbevis/{code}/")
    assert response.status_code == 200
    page = soup(response)
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == ["Kursbevis"]
    status = page.select_one("#certificate-status")
    assert status.strong.get_text(strip=True) == "Gyldig:"
    facts = " ".join(page.select_one(".certificate__facts").get_text().split())
    assert "Kari Nordmann" in facts
    assert "Legemiddelhåndtering i kommunen" in facts
    today = datetime.date.today()
    assert page.select_one(".certificate__facts time")["datetime"] == today.isoformat()
    assert page.find("a", string="Legemiddelhåndtering i kommunen")["href"] == course.url


def test_verification_page_is_kept_out_of_search_engines_and_the_sitemap(client, course):
    code, _removal, _pdf = issued_links(issue(client, course))
    response = client.get(f"/kursbevis/{code}/")
    assert "noindex" in response["X-Robots-Tag"]
    assert soup(response).find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert soup(response).find("link", rel="canonical") is None
    assert "/kursbevis/" not in client.get("/sitemap.xml").content.decode()


def test_typed_variants_of_the_code_lead_to_the_verification_page(client, course):
    code, _removal, _pdf = issued_links(issue(client, course))
    response = client.get(f"/kursbevis/{code.lower()}/")
    assert response.status_code == 302
    assert response["Location"] == f"/kursbevis/{code}/"
    response = client.get("/kursbevis/", {"kode": " " + code[3:].replace("-", " ").lower()})
    assert response.status_code == 302
    assert response["Location"] == f"/kursbevis/{code}/"


def test_check_form_explains_a_malformed_code_at_the_field(client, home_page):
    response = client.get("/kursbevis/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "Sjekk et kursbevis"
    response = client.get("/kursbevis/", {"kode": "KB-123"})
    assert response.status_code == 400
    field = soup(response).find("input", id="certificate-code")
    assert field["aria-invalid"] == "true"
    error = soup(response).find(id="certificate-code-error")
    assert "certificate-code-error" in field["aria-describedby"].split()
    assert "riktig form" in error.get_text()


def test_changed_or_random_code_gives_the_site_404(client, course):
    code, _removal, _pdf = issued_links(issue(client, course))
    last = code[-1]
    changed = code[:-1] + ("0" if last != "0" else "1")
    for path in [
        f"/kursbevis/{changed}/",
        f"/kursbevis/{certificates.new_code()}/",
        "/kursbevis/ikke-en-kode/",
        f"/kursbevis/{changed}/pdf/",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Vi finner ikke siden" in text(response)


def test_pdf_download_holds_name_course_date_and_code(client, course):
    code, _removal, pdf = issued_links(issue(client, course, name="Øyvind Åsen"))
    response = client.get(pdf)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="kursbevis-{code}.pdf"'
    content = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Øyvind Åsen" in content
    assert "Legemiddelhåndtering i kommunen" in content
    assert code in content
    assert f"http://testserver/kursbevis/{code}/" in content
    assert "Bestått " in content and "Gyldig til " in content


def test_expired_certificate_shows_utlopt(client, course):
    issued = certificates.issue(
        Pass(course_id=course.pk, percent=95, attempt="gammelt-forsok"),
        "Kari Nordmann",
        today=datetime.date(2019, 6, 3),
    )
    response = client.get(f"/kursbevis/{issued.code}/")
    assert response.status_code == 200
    status = soup(response).select_one("#certificate-status")
    assert status.strong.get_text(strip=True) == "Utløpt:"
    assert "3. juni 2023" in status.get_text()


def test_holder_deletes_the_certificate_with_the_removal_link(client, course):
    code, removal, _pdf = issued_links(issue(client, course))
    confirm = client.get(removal)
    assert confirm.status_code == 200
    assert "no-store" in confirm["Cache-Control"]
    assert Certificate.objects.count() == 1
    assert soup(confirm).find("button", string="Slett kursbeviset")
    done = client.post(removal)
    assert done.status_code == 200
    assert "Kursbeviset er slettet" in text(done)
    assert not Certificate.objects.exists()
    assert client.get(f"/kursbevis/{code}/").status_code == 404
    assert client.get(removal).status_code == 404


def test_wrong_removal_key_gives_404_and_deletes_nothing(client, course):
    code, removal, _pdf = issued_links(issue(client, course))
    wrong = removal.rstrip("/").rsplit("/", 1)[0] + "/" + secrets.token_urlsafe(24) + "/"
    assert client.get(wrong).status_code == 404
    assert client.post(wrong).status_code == 404
    assert Certificate.objects.count() == 1


def assert_refused(response, message):
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    assert message in text(response)
    assert len(soup(response).find_all("h1")) == 1
    assert not Certificate.objects.exists()


def test_tampered_pass_token_is_refused(client, course):
    signed = token(course, percent=50)
    tampered = signed.replace(signed.split(":")[0], signed.split(":")[0][:-2] + "zz", 1)
    response = client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": tampered})
    assert_refused(response, "Beviset på at du har bestått er ugyldig")
    response = client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": ""})
    assert_refused(response, "Beviset på at du har bestått er ugyldig")


def test_expired_pass_token_is_refused(client, course):
    class PastSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - PASS_MAX_AGE - 60)

    old = PastSigner(salt=PASS_SALT).sign_object({"c": course.pk, "p": 90, "a": "x"})
    response = client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": old})
    assert_refused(response, "Beviset på at du har bestått er ugyldig eller for gammelt")


def test_result_below_pass_mark_is_refused(client, course):
    assert_refused(issue(client, course, percent=60), "under grensen for bestått")


def test_empty_name_is_refused_at_the_field_and_the_form_keeps_the_pass(client, course):
    signed = token(course)
    response = client.post(ISSUE, {"name": "  ", "pass_token": signed})
    assert_refused(response, "Skriv navnet ditt")
    page = soup(response)
    field = page.find("input", id="certificate-name")
    assert field["aria-invalid"] == "true"
    assert "certificate-name-error" in field["aria-describedby"].split()
    assert page.find("input", attrs={"name": "pass_token"})["value"] == signed
    retry = client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": signed})
    assert retry.status_code == 200


def test_second_issue_for_the_same_attempt_is_refused(client, course):
    signed = token(course)
    assert client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": signed}).status_code == 200
    response = client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": signed})
    assert response.status_code == 400
    assert "allerede laget et kursbevis" in text(response)
    assert Certificate.objects.count() == 1


def test_course_gone_is_refused(client, course):
    signed = token(course)
    course.unpublish()
    assert_refused(
        client.post(ISSUE, {"name": "Kari Nordmann", "pass_token": signed}),
        "Kurset finnes ikke lenger",
    )


def test_issuing_needs_post(client, home_page):
    assert client.get(ISSUE).status_code == 405


def test_lookups_are_rate_limited_per_client(client, course):
    code, _removal, _pdf = issued_links(issue(client, course))
    for number in range(LOOKUPS):
        path = f"/kursbevis/{code}/" if number % 2 else f"/kursbevis/{certificates.new_code()}/"
        assert client.get(path).status_code in {200, 404}
    response = client.get(f"/kursbevis/{code}/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "For mange oppslag" in text(response)
    assert client.get(f"/kursbevis/{code}/pdf/").status_code == 429
    assert client.get("/kursbevis/", {"kode": "feil"}).status_code == 429
    # Another client is not affected.
    assert client.get(f"/kursbevis/{code}/", REMOTE_ADDR="10.1.2.3").status_code == 200
