"""A region filter means one thing everywhere: for every region (and "nasjonalt") and every
listed type, the items a national listing shows with ?region= are the items the search API
returns for the same filter (both ask ResourcePageQuerySet.region_filter)."""

import pytest

from builder.tree import ensure_index_page
from regions.lookup import NATIONAL
from regions.models import Region
from resources.registry import index_model_for, model_for, resource_types
from tests.factories import NetworkPageFactory, ResearchArticlePageFactory

pytestmark = pytest.mark.django_db

REGIONS = ["ahus", "innlandet", "vestfold", "ostfold", "oslo", NATIONAL]
LISTED_TYPES = [
    kind.key for kind in resource_types() if index_model_for(kind.key).listing_type == kind.key
]
# Types the sample corpus has no items of: a national item, a regional one and one shared into
# another region are added for their comparison.
NOT_IN_CORPUS = {"research": ResearchArticlePageFactory, "network": NetworkPageFactory}


def add_items(type_key):
    factory = NOT_IN_CORPUS[type_key]
    innlandet, ahus = Region.objects.get(slug="innlandet"), Region.objects.get(slug="ahus")
    factory(parent=ensure_index_page(type_key))
    factory(parent=ensure_index_page(type_key, innlandet))
    factory(parent=ensure_index_page(type_key, innlandet), areas=[ahus])


def listing_ids(client, type_key, region):
    """Every item the national list of ``type_key`` shows with ?region= (events: upcoming and
    past together, as the list's two views)."""
    index = ensure_index_page(type_key)
    views = [{}, {"tidligere": "1"}] if type_key == "event" else [{}]
    ids = set()
    for extra in views:
        response = client.get(index.url, {"region": region, **extra})
        assert response.status_code == 200
        ids |= set(response.context["items"].paginator.object_list)  # every page's ids
    return ids


def search_ids(client, type_key, region):
    """Every result of /api/search/ with only the type and region filters (no query words)."""
    ids, page = set(), 1
    while True:
        response = client.get(
            "/api/search/", {"type": type_key, "region": region, "page": page, "page_size": 50}
        )
        assert response.status_code == 200, response.content
        data = response.json()
        ids |= {result["id"] for result in data["results"]}
        if page * 50 >= data["count"]:
            assert len(ids) == data["count"]
            return ids
        page += 1


@pytest.mark.parametrize("type_key", LISTED_TYPES)
def test_listing_and_search_give_the_same_items_for_a_region(
    client,
    corpus_db,
    type_key,
):
    if type_key in NOT_IN_CORPUS:
        add_items(type_key)
    compared = 0
    for region in REGIONS:
        in_listing = listing_ids(client, type_key, region)
        assert in_listing == search_ids(client, type_key, region), (type_key, region)
        compared += len(in_listing)
    assert compared > 0, f"the corpus has no {type_key} items to compare"


def test_shared_items_count_in_the_region_they_are_shared_into(client, corpus_db):
    news = model_for("news").objects.live().exclude(areas=None).first()
    assert news is not None, "the corpus shares some news into other areas"
    shared_into = {region.slug for region in news.areas.all()} - {news.owner_region.slug}
    assert shared_into
    region = sorted(shared_into)[0]
    assert news.pk in listing_ids(client, "news", region)
    assert news.pk in search_ids(client, "news", region)
    facets = client.get("/api/search/", {"type": "news", "region": region}).json()["facets"]
    assert facets["region"][region] == len(search_ids(client, "news", region))
