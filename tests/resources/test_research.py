"""Research articles (Forskning): the page a practitioner reads, its place on theme pages and
in search, its schema.org ScholarlyArticle, and the editor's DOI check in the real admin."""

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from resources.doi import doi_url, normalise_doi
from resources.models import ResearchArticlePage
from tests import factories as f

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_research_page_shows_publication_plain_summary_and_advice_for_municipalities(
    client, regions, topics, index_for
):
    page = f.ResearchArticlePageFactory(
        parent=index_for("research", regions["innlandet"]),
        title="Legemiddelgjennomgang i hjemmetjenesten",
        topics=[topics["legemidler"]],
        link="https://sykepleien.no/forskning/2024/legemiddelgjennomgang",
    )
    assert page.url == "/innlandet/forskning/legemiddelgjennomgang-i-hjemmetjenesten/"
    soup = soup_of(client, page.url)
    facts = soup.select_one("dl.facts").get_text(" ", strip=True)
    for expected in ("Kari Nordmann", "Ola Hansen", "USHT Innlandet", "Sykepleien Forskning, 2024"):
        assert expected in facts
    doi_link = soup.find("a", href="https://doi.org/10.4220/Sykepleienf.2024.96215")
    assert doi_link is not None
    assert soup.find("a", href=page.link) is not None  # the link besides the DOI
    summary = soup.find("section", attrs={"aria-labelledby": "research-summary-title"})
    assert "Kort fortalt" in summary.get_text()
    assert "færre feil i hjemmetjenesten" in summary.get_text()
    advice = soup.find("section", attrs={"aria-labelledby": "research-use-title"})
    assert "Slik kan kommunen bruke dette" in advice.get_text()
    assert "hver tredje måned" in advice.get_text()
    assert "Forskningsartikkel" in soup.select_one(".eyebrow").get_text()

    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == page.title
    assert [author["name"] for author in data["author"]] == ["Kari Nordmann", "Ola Hansen"]
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.4220/Sykepleienf.2024.96215",
    }
    assert data["sameAs"] == "https://doi.org/10.4220/Sykepleienf.2024.96215"
    assert data["isPartOf"] == {"@type": "Periodical", "name": "Sykepleien Forskning"}
    assert data["datePublished"] == "2024"
    assert data["sourceOrganization"]["name"] == "USHT Innlandet"
    assert data["about"] == [{"@type": "Thing", "name": "Legemidler"}]


def test_research_is_listed_on_its_theme_and_its_own_list(client, topics, index_for):
    demens = topics["demens"]
    research = f.ResearchArticlePageFactory(
        parent=index_for("research"), title="Musikkterapi ved demens", topics=[demens]
    )
    f.ResearchArticlePageFactory(parent=index_for("research"), title="Om noe helt annet")
    theme = f.ThemePageFactory(parent=index_for("theme"), topic=demens)

    response = client.get(theme.url)
    sections = {section["type"]: section for section in response.context["sections"]}
    assert [item.pk for item in sections["research"]["items"]] == [research.pk]
    assert str(sections["research"]["label"]) == "Forskning"
    assert sections["research"]["url"] == index_for("research").url == "/forskning/"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", href=research.url) is not None
    assert "Om noe helt annet" not in soup.get_text()

    listing = soup_of(client, "/forskning/").get_text(" ", strip=True)
    assert "Musikkterapi ved demens" in listing and "Om noe helt annet" in listing


def test_search_finds_research_by_author_and_filters_by_its_type(client, regions, index_for):
    research = f.ResearchArticlePageFactory(
        parent=index_for("research"),
        title="Tidlig oppfølging etter utskrivning",
        authors=[("item", "Ingrid Solberg")],
        practice_summary="Et telefonsamtale dagen etter utskrivning ga færre reinnleggelser.",
    )
    f.CoursePageFactory(parent=index_for("course"), title="Reinnleggelser og utskrivning")

    by_author = client.get("/api/search/", {"q": "Solberg"}).json()
    assert [result["id"] for result in by_author["results"]] == [research.pk]
    assert by_author["results"][0]["type"] == "research"

    both = client.get("/api/search/", {"q": "reinnleggelser"}).json()
    assert both["facets"]["type"] == {"course": 1, "research": 1}
    only = client.get("/api/search/", {"q": "reinnleggelser", "type": "research"}).json()
    assert [result["id"] for result in only["results"]] == [research.pk]
    page = client.get("/sok/", {"q": "reinnleggelser"}).content.decode()
    assert "Forskning" in page  # the type facet is named on the search page


@pytest.mark.parametrize(
    "given",
    ["10.1056/NEJMoa2034577", "doi:10.1056/NEJMoa2034577", "https://doi.org/10.1056/NEJMoa2034577"],
)
def test_a_doi_is_accepted_bare_or_with_its_address(given):
    assert normalise_doi(given) == "10.1056/NEJMoa2034577"


@pytest.mark.parametrize(
    "given", ["10.1056", "NEJMoa2034577", "11.1234/x", "10.12/x", "10.1234/a b"]
)
def test_what_is_not_a_doi_is_refused(given):
    with pytest.raises(ValidationError):
        normalise_doi(given)


def test_doi_link_encodes_characters_that_would_end_its_path():
    assert doi_url("10.1002/(SICI)1097#x?y") == "https://doi.org/10.1002/(SICI)1097%23x%3Fy"


def test_editor_gets_a_clear_error_for_a_bad_doi_and_a_pasted_address_is_kept_bare(
    client, index_for
):
    editor = get_user_model().objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(editor)
    parent = index_for("research")
    url = reverse("wagtailadmin_pages:add", args=["resources", "researcharticlepage", parent.pk])

    def post(**fields):
        data = nested_form_data(
            {
                "title": "Hjemmebesøk etter hjerneslag",
                "slug": "hjemmebesok-etter-hjerneslag",
                "summary": "Hva hjemmebesøk betyr for pasienter etter hjerneslag.",
                "date": "2025-05-01",
                "body": streamfield([]),
                "authors": streamfield([("item", "Kari Nordmann")]),
                "implementation_notes": rich_text("<p>Start med én sone.</p>"),
                **fields,
            }
        )
        return client.post(url, data)

    response = post(doi="10.1234")
    assert response.status_code == 200
    assert "ikke en DOI" in str(response.context["form"].errors["doi"])
    response = post(doi="", link="")
    assert "Oppgi DOI eller lenke" in str(response.context["form"].errors["link"])

    response = post(doi="https://doi.org/10.1016/j.ijnurstu.2023.104512", publication_year="2023")
    assert response.status_code == 302
    page = ResearchArticlePage.objects.get(slug="hjemmebesok-etter-hjerneslag")
    assert page.doi == "10.1016/j.ijnurstu.2023.104512"
    assert page.author_names == ["Kari Nordmann"]
