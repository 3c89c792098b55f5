"""Site-wide behaviour: sitemap, robots.txt, error pages, titles and meta descriptions."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages(client, index_for):
    course = CoursePageFactory(parent=index_for("course"), title="Sårbehandling")
    draft = CoursePageFactory(parent=index_for("course"), title="Utkast", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert course.url in body
    assert draft.url not in body


def test_robots_txt_points_to_sitemap_and_hides_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_unknown_url_gives_a_norwegian_404(client, home_page):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "nb"
    assert "finner ikke" in soup.get_text().lower() or "fant ikke" in soup.get_text().lower()


def test_server_error_page_renders_without_request_or_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html").lower()  # as Django's server_error does: no context
    assert 'lang="nb"' in html
    assert "feil" in html or "galt" in html


def test_title_and_meta_description_come_from_the_promote_tab(client, index_for):
    course = CoursePageFactory(
        parent=index_for("course"),
        title="Legemiddelhåndtering",
        seo_title="Kurs: trygg legemiddelhåndtering",
        search_description="Lær å dele ut legemidler trygt.",
    )
    soup = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert soup.title.get_text().startswith("Kurs: trygg legemiddelhåndtering")
    assert soup.find("meta", attrs={"name": "description"})["content"] == (
        "Lær å dele ut legemidler trygt."
    )


def test_meta_description_falls_back_to_the_summary(client, index_for):
    course = CoursePageFactory(parent=index_for("course"), summary="Et kurs om sår.")
    soup = BeautifulSoup(client.get(course.url).content, "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Et kurs om sår."


def test_base_layout_is_accessible_in_structure(client, index_for):
    course = CoursePageFactory(parent=index_for("course"))
    soup = BeautifulSoup(client.get(course.url).content, "html.parser")
    first_link = soup.body.find("a")
    assert first_link.get_text(strip=True) == "Hopp til hovedinnhold"
    assert soup.select_one(first_link["href"]).name == "main"
    assert len(soup.find_all("h1")) == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert soup.find(landmark) is not None, landmark
    search_input = soup.select_one('form[role="search"] input[name="q"], form input[name="q"]')
    assert search_input is not None
    assert soup.find("label", attrs={"for": search_input["id"]}) is not None
