"""Search, its API and the area form answer 429 past a client's limit: a Norwegian page for
people, JSON for the API; behind a proxy each visitor is counted by their own address."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


# Two requests a day: the limits count in fixed windows, and a window of a minute could end in
# the middle of a test.
DAY = 24 * 60 * 60


@pytest.fixture
def low_limits(settings):
    settings.PUBLIC_RATE_LIMITS = {"search": (2, DAY), "autocomplete": (2, DAY), "area": (2, DAY)}


def test_search_page_and_api_share_a_limit_then_answer_429(client, home_page, low_limits):
    assert client.get("/sok/", {"q": "demens"}).status_code == 200
    assert client.get("/api/search/", {"q": "demens"}).status_code == 200
    page = client.get("/sok/", {"q": "demens"})
    assert page.status_code == 429
    assert int(page["Retry-After"]) > 0
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.h1.get_text() == "For mange forespørsler"
    assert "Vent" in soup.select_one(".lead").get_text()
    api = client.get("/api/search/", {"q": "demens"})
    assert api.status_code == 429
    assert api["Content-Type"] == "application/json"
    assert "For mange søk" in api.json()["error"]
    # Another visitor is not affected.
    assert client.get("/sok/", {"q": "demens"}, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_autocomplete_answers_json_429(client, home_page, low_limits):
    for _typed in range(2):
        assert client.get("/api/search/autocomplete/", {"q": "dem"}).status_code == 200
    response = client.get("/api/search/autocomplete/", {"q": "deme"})
    assert response.status_code == 429
    assert "error" in response.json()


def test_area_form_answers_429_without_changing_the_area(client, home_page, low_limits):
    RegionFactory(slug="ahus", name="Ahus")
    for _choice in range(2):
        response = client.post("/omrade/", {"area": "ahus", "next": "/"})
        assert response.status_code == 302
        assert response.cookies["omrade"].value == "ahus"
    client.cookies.pop("omrade", None)
    response = client.post("/omrade/", {"area": "ahus", "next": "/"})
    assert response.status_code == 429
    assert "omrade" not in response.cookies
    assert "For mange forespørsler" in response.content.decode()


def test_behind_a_proxy_each_visitor_has_their_own_count(client, home_page, low_limits, settings):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    settings.TRUSTED_PROXY_COUNT = 1
    for visitor in range(3):
        address = f"198.51.100.{visitor}"
        response = client.get("/api/search/", {"q": "x"}, HTTP_X_FORWARDED_FOR=address, **proxy)
        assert response.status_code == 200
    # Without the setting a forwarded address is the client's own claim: not trusted.
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        client.get(
            "/api/search/", {"q": "x"}, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}", **proxy
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
