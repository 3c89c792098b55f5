"""The JSON search API, autocomplete, the query log and editors' picks, on small content built
with factories (the full corpus is in test_relevance.py)."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_PAGE_SIZE
from tests.factories import CoursePageFactory, FilmPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(regions, topics, audiences, index_for):
    national = CoursePageFactory(
        parent=index_for("course"),
        title="Legemiddelhåndtering i sykehjem",
        summary="Trygg utdeling av legemidler.",
        topics=[topics["legemidler"]],
        audiences=[audiences["sykepleiere"]],
    )
    local = CoursePageFactory(
        parent=index_for("course", regions["innlandet"]),
        title="Legemiddelhåndtering i hjemmetjenesten",
        summary="Legemidler i hjemmet, for Innlandet.",
        topics=[topics["legemidler"]],
    )
    film = FilmPageFactory(
        parent=index_for("film"),
        title="Demens og legemidler",
        summary="En film om legemidler ved demens.",
        topics=[topics["demens"], topics["legemidler"]],
    )
    return {"national": national, "local": local, "film": film}


def api(client, **params):
    return client.get("/api/search/", params)


def test_response_has_the_documented_shape(client, content):
    response = api(client, q="legemidler")
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"query", "count", "page", "results", "facets", "suggestion"}
    assert data["query"] == "legemidler" and data["page"] == 1 and data["count"] == 3
    first = next(r for r in data["results"] if r["id"] == content["local"].pk)
    assert first == {
        "id": content["local"].pk,
        "source_id": None,
        "title": "Legemiddelhåndtering i hjemmetjenesten",
        "url": content["local"].url,
        "type": "course",
        "region": "innlandet",
        "topics": ["legemidler"],
        "summary": "Legemidler i hjemmet, for Innlandet.",
        "score": first["score"],
    }
    assert isinstance(first["score"], float)
    assert data["facets"]["type"] == {"course": 2, "film": 1}
    assert data["facets"]["region"] == {"nasjonalt": 2, "innlandet": 1}
    assert data["facets"]["topic"] == {"legemidler": 3, "demens": 1}
    assert data["facets"]["audience"] == {"sykepleiere": 1}


def test_filters_narrow_and_facets_stay_disjunctive(client, content):
    data = api(client, q="legemidler", type="course", region="nasjonalt").json()
    assert [r["id"] for r in data["results"]] == [content["national"].pk]
    assert data["count"] == 1
    assert data["facets"]["type"] == {"course": 1, "film": 1}  # other types still offered
    assert data["facets"]["region"] == {"nasjonalt": 1, "innlandet": 1}
    data = api(client, q="legemidler", topic="demens").json()
    assert [r["id"] for r in data["results"]] == [content["film"].pk]
    data = api(client, q="legemidler", audience="sykepleiere").json()
    assert [r["id"] for r in data["results"]] == [content["national"].pk]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 201}, "for langt"),
        ({"q": "demens", "type": "podcast"}, "type"),
        ({"q": "demens", "region": "bergen"}, "region"),
        ({"q": "demens", "topic": "finnes-ikke"}, "topic"),
        ({"q": "demens", "audience": "alle"}, "audience"),
        ({"q": "demens", "page": "x"}, "page"),
        ({"q": "demens", "page": "0"}, "page"),
        ({"q": "demens", "page_size": str(MAX_PAGE_SIZE + 1)}, "page_size"),
    ],
)
def test_bad_input_is_a_400_with_a_message(client, content, params, message):
    response = api(client, **params)
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.parametrize("query", ["", "   ", "\t", "og i på"])
def test_empty_query_gives_empty_results(client, content, query):
    data = api(client, q=query).json()
    assert data["count"] == 0 and data["results"] == []


def test_pagination_and_page_past_the_end(client, content):
    first = api(client, q="legemidler", page_size=2).json()
    second = api(client, q="legemidler", page_size=2, page=2).json()
    assert len(first["results"]) == 2 and len(second["results"]) == 1
    ids = [r["id"] for r in first["results"] + second["results"]]
    assert len(set(ids)) == 3
    beyond = api(client, q="legemidler", page_size=2, page=99).json()
    assert beyond["results"] == [] and beyond["count"] == 3


def test_visitors_area_boosts_local_results_without_hiding_national(client, content):
    national, local = content["national"], content["local"]
    national.summary = "Legemiddelhåndtering: legemiddelhåndtering steg for steg."
    national.save_revision().publish()
    ids = [r["id"] for r in api(client, q="legemiddelhåndtering").json()["results"]]
    in_area = [
        r["id"] for r in api(client, q="legemiddelhåndtering", o="innlandet").json()["results"]
    ]
    assert set(ids) == set(in_area)
    assert ids.index(national.pk) < ids.index(local.pk)
    assert in_area.index(local.pk) < in_area.index(national.pk)


def test_publishing_unpublishing_and_deleting_change_results_at_once(client, content, index_for):
    draft = CoursePageFactory(parent=index_for("course"), title="Sepsis i sykehjem", live=False)
    assert api(client, q="sepsis").json()["count"] == 0
    draft.save_revision().publish()
    assert [r["id"] for r in api(client, q="sepsis").json()["results"]] == [draft.pk]
    draft.refresh_from_db()
    draft.unpublish()
    assert api(client, q="sepsis").json()["count"] == 0
    content["film"].delete()
    assert api(client, q="demens").json()["count"] == 0


def test_private_and_expired_pages_never_appear(client, content):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=content["film"], restriction_type=PageViewRestriction.LOGIN
    )
    content["local"].expired = True
    content["local"].save()
    ids = [r["id"] for r in api(client, q="legemidler").json()["results"]]
    assert ids == [content["national"].pk]


def test_autocomplete_returns_titles_for_a_prefix_without_accents(client, content):
    data = client.get("/api/search/autocomplete/", {"q": "legemiddelhand"}).json()
    titles = {r["title"] for r in data["results"]}
    assert titles == {"Legemiddelhåndtering i sykehjem", "Legemiddelhåndtering i hjemmetjenesten"}
    assert all(r["url"].startswith("/") for r in data["results"])
    assert client.get("/api/search/autocomplete/", {"q": "x" * 201}).status_code == 400
    assert client.get("/api/search/autocomplete/", {"q": ""}).json()["results"] == []


def test_typo_gets_a_suggestion(client, content):
    data = api(client, q="legemidlr").json()
    assert data["suggestion"] == "legemidler"
    assert data["count"] >= 1


HOSTILE = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                ":",
                "AND",
                "OR",
                "NOT",
                "\\",
                "\x00",
                "🙂",
                "'",
                "(",
                ")",
                "-",
                "^",
                "NEAR",
                "'; DROP TABLE wagtailcore_page; --",
                "%",
                "_",
                "legemidler",
                "å",
                "{",
                "}",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=HOSTILE, page=st.sampled_from(["1", "2", "-1", "x", "", "999999999999"]))
def test_no_query_ever_gives_a_server_error(client, content, query, page):
    response = api(client, q=query, page=page)
    assert response.status_code in (200, 400)
    assert "results" in response.json() or "error" in response.json()
    assert client.get("/api/search/autocomplete/", {"q": query}).status_code in (200, 400)


def test_search_page_logs_queries_and_zero_result_queries(client, content, admin_client):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/sok/", {"q": "legemidler"})
    client.get("/sok/", {"q": "Legemidler "})
    client.get("/sok/", {"q": "qqqzzz"})
    client.get("/sok/", {"q": "legemidler", "page": "2"})  # paging is not a new search
    assert Query.get("legemidler").hits == 2
    assert Query.get("qqqzzz").hits == 1
    report = admin_client.get("/admin/reports/search-zero-results/")
    assert report.status_code == 200
    assert b"qqqzzz" in report.content and b">legemidler<" not in report.content


def test_editors_picks_come_first(client, content):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert api(client, q="Legemidler").json()["promoted"] == []  # no picks: kept as such
    pick = SearchPromotion.objects.create(
        query=Query.get("legemidler"),
        page=content["film"],
        description="Anbefalt film",
        sort_order=0,
    )
    data = api(client, q="Legemidler").json()
    assert data["promoted"] == [
        {
            "title": "Demens og legemidler",
            "url": content["film"].url,
            "description": "Anbefalt film",
        }
    ]
    html = client.get("/sok/", {"q": "legemidler"}).content.decode()
    assert html.index("Anbefalt film") < html.index("Legemiddelhåndtering i sykehjem")
    pick.delete()
    assert api(client, q="Legemidler").json()["promoted"] == []


def test_kept_results_follow_changes_and_keep_each_querys_score(
    client, content, topics, django_capture_on_commit_callbacks
):
    def results(**params):
        return {item["id"]: item for item in api(client, **params).json()["results"]}

    film = content["film"]
    broad, narrow = results(q="legemidler"), results(q="demens legemidler")
    assert results(q="legemidler") == broad  # the second time from the kept results
    assert broad[film.pk]["score"] != narrow[film.pk]["score"]
    with django_capture_on_commit_callbacks(execute=True):
        film.title = "Demens og legemidler i hjemmet"
        film.save_revision().publish()
        topics["demens"].slug = "demenssykdom"
        topics["demens"].save()
    changed = results(q="legemidler")[film.pk]
    assert changed["title"] == "Demens og legemidler i hjemmet"
    assert changed["topics"] == ["demenssykdom", "legemidler"]


def test_search_page_renders_facet_links_suggestion_and_combobox(client, content):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/sok/", {"q": "legemidlr"}).content, "html.parser")
    assert soup.select_one(".search-suggestion a").get_text() == "legemidler"
    field = soup.select_one("#search-q")
    assert field["data-search-autocomplete"] == "/api/search/autocomplete/"
    soup = BeautifulSoup(client.get("/sok/", {"q": "legemidler"}).content, "html.parser")
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select(".search-facet a")}
    assert links["Filmer (1)"] == "?q=legemidler&type=film"
    filtered = BeautifulSoup(
        client.get("/sok/", {"q": "legemidler", "type": "film"}).content, "html.parser"
    )
    assert [a.get_text() for a in filtered.select(".results .card__title a")] == [
        "Demens og legemidler"
    ]
    selected = filtered.select_one(".search-facet a[aria-current]")
    assert selected["href"] == "?q=legemidler"


def test_date_of_zero_result_log_is_today(client, content):
    from search.models import ZeroResultDay

    client.get("/sok/", {"q": "ingentingher"})
    assert ZeroResultDay.objects.get().date == datetime.date.today()


@pytest.mark.parametrize("typed", ["¯", "--", "«»", "%%"])
def test_autocomplete_of_signs_alone_is_an_empty_list(client, typed):
    response = client.get("/api/search/autocomplete/", {"q": typed})
    assert response.status_code == 200
    assert response.json()["results"] == []
