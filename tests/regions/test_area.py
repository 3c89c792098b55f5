"""'Mitt område': choosing an area puts its local items before national ones."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def titles_in_section(response, heading_text):
    """Link texts after the front-page h2 containing ``heading_text``, up to the next h2."""
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find(lambda tag: tag.name == "h2" and heading_text in tag.get_text())
    assert heading is not None, f"no section headed {heading_text!r}"
    titles = []
    for element in heading.next_elements:
        if getattr(element, "name", None) == "h2":
            break
        if getattr(element, "name", None) == "a" and element.get_text(strip=True):
            titles.append(element.get_text(strip=True))
    return titles


@pytest.fixture
def news(regions, index_for):
    """Newest first: a national item, then Innlandet's and Ahus's older local items."""
    import datetime

    national = NewsPageFactory(
        parent=index_for("news"), title="Nasjonal nyhet", date=datetime.date(2025, 6, 1)
    )
    local = NewsPageFactory(
        parent=index_for("news", regions["innlandet"]),
        title="Innlandsnyhet",
        date=datetime.date(2024, 1, 1),
    )
    other = NewsPageFactory(
        parent=index_for("news", regions["ahus"]),
        title="Ahusnyhet",
        date=datetime.date(2024, 2, 1),
    )
    return national, local, other


def test_without_area_the_front_page_lists_newest_first(client, news):
    titles = titles_in_section(client.get("/"), "Aktuelt")
    assert (
        titles.index("Nasjonal nyhet") < titles.index("Ahusnyhet") < titles.index("Innlandsnyhet")
    )


def test_query_parameter_puts_local_items_before_national_ones(client, news):
    response = client.get("/?o=innlandet")
    titles = titles_in_section(response, "Aktuelt")
    assert titles.index("Innlandsnyhet") < titles.index("Nasjonal nyhet")
    assert "Ahusnyhet" not in titles  # another region's own news is not shown there
    assert response.cookies["omrade"].value == "innlandet"


def test_cookie_selects_the_area(client, news):
    client.cookies["omrade"] = "innlandet"
    titles = titles_in_section(client.get("/"), "Aktuelt")
    assert titles.index("Innlandsnyhet") < titles.index("Nasjonal nyhet")


def test_query_parameter_works_on_any_url_and_wins_over_the_cookie(client, news):
    client.cookies["omrade"] = "ahus"
    response = client.get("/aktuelt/?o=innlandet")
    assert response.status_code == 200
    assert response.cookies["omrade"].value == "innlandet"


@pytest.mark.parametrize("slug", ["finnes-ikke", "x" * 300, "<script>", "ahus'--"])
def test_unknown_area_slug_is_ignored(client, news, slug):
    response = client.get("/", {"o": slug})
    assert response.status_code == 200
    assert "omrade" not in response.cookies
    titles = titles_in_section(response, "Aktuelt")
    assert titles.index("Nasjonal nyhet") < titles.index("Innlandsnyhet")


def test_area_form_sets_cookie_and_returns_to_the_page(client, regions):
    response = client.post("/omrade/", {"area": "vestfold", "next": "/e-kurs/"})
    assert response.status_code == 302
    assert response["Location"] == "/e-kurs/"
    assert response.cookies["omrade"].value == "vestfold"


def test_area_form_with_empty_choice_forgets_the_area(client, regions):
    client.cookies["omrade"] = "vestfold"
    response = client.post("/omrade/", {"area": "", "next": "/"})
    assert response.cookies["omrade"].value == ""
    assert response.cookies["omrade"]["max-age"] == 0


def test_area_form_drops_the_old_area_parameter_from_the_return_address(client, regions):
    response = client.post("/omrade/", {"area": "", "next": "/e-kurs/?o=innlandet&topic=demens"})
    assert response["Location"] == "/e-kurs/?topic=demens"
    assert client.get(response["Location"]).cookies.get("omrade") is None


def test_pages_are_norwegian_whatever_the_browser_asks_for(client, home_page):
    response = client.get("/sok/", HTTP_ACCEPT_LANGUAGE="en")
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "nb"


def test_area_form_refuses_to_redirect_off_site(client, regions):
    response = client.post("/omrade/", {"area": "oslo", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_area_form_only_accepts_post(client, regions):
    assert client.get("/omrade/").status_code == 405


def test_header_form_shows_the_chosen_area(client, regions):
    soup = BeautifulSoup(client.get("/?o=ostfold").content, "html.parser")
    selected = soup.select_one('select[name="area"] option[selected]')
    assert selected is not None and selected["value"] == "ostfold"
