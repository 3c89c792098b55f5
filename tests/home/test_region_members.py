"""A region page lists its member organisations, each linking to the page of what it has made;
a renamed organisation shows at once (its cached markup expires)."""

from bs4 import BeautifulSoup

from tests.factories import OrganisationFactory


def members(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return {link.get_text(strip=True): link["href"] for link in page.select(".region-members a")}


def test_a_region_page_lists_its_own_member_organisations(
    client, regions, django_capture_on_commit_callbacks
):
    municipality = OrganisationFactory(name="Lillestrøm kommune", regions=[regions["ahus"]])
    OrganisationFactory(name="Gjøvik kommune", regions=[regions["innlandet"]])
    shown = members(client.get("/ahus/"))
    assert list(shown) == ["Lillestrøm kommune"]
    assert client.get(shown["Lillestrøm kommune"]).status_code == 200  # its own page
    with django_capture_on_commit_callbacks(execute=True):
        municipality.name = "Lillestrøm kommune, helse og mestring"
        municipality.save()
    assert list(members(client.get("/ahus/"))) == ["Lillestrøm kommune, helse og mestring"]
    assert list(members(client.get("/innlandet/"))) == ["Gjøvik kommune"]
