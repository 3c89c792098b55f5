"""The OpenAPI document the site serves, checked against the site's real answers: schemathesis
makes requests from the document (every documented value and its invalid neighbours, then
random ones, valid and not) and sends them to the Django app through its WSGI handler (no
server); every answer must be one the document describes: status, content type and body, a
2xx for a valid request and a 4xx for an invalid one, 405 for another method."""

import json

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from openapi.schema import document
from tests.openapi.conftest import AUDIENCES, REGIONS, TOPICS

pytestmark = pytest.mark.django_db

# The document for the test content's regions, topics and audiences, loaded when the tests are
# collected, before there is a database; the first test shows it is the one the site serves.
# (schemathesis's loading from a fixture, at run time, does not work with pytest 9 yet.)
FILTER_VALUES = {"regions": sorted(REGIONS), "topics": TOPICS, "audiences": AUDIENCES}
APP = get_wsgi_application()


def load(coverage):
    """The document for schemathesis; ``coverage``: also try every documented value and its
    invalid neighbours (thorough, and a few hundred requests)."""
    phases = {"coverage": {"enabled": coverage, "unexpected-methods": ["post"]}}
    loaded = schemathesis.openapi.from_dict(
        document(FILTER_VALUES), config=SchemathesisConfig.from_dict({"phases": phases})
    )
    loaded.app = APP
    return loaded


# The pages (every filter) in full; images and documents share their paging and order code,
# so random requests suffice for them.
pages_schema = load(coverage=True).include(path_regex=r"^/api/v2/(pages|openapi)")
files_schema = load(coverage=False).include(path_regex=r"^/api/v2/(images|documents)/")
FEW = settings(
    max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)


@pytest.fixture
def answering(content, db):
    """The WSGI application answers inside the test's transaction: as Django's test client
    does, it does not close the database connection around each request (that would end the
    transaction the content lives in)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_the_site_serves_the_document_with_its_filter_values(client, content):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    served = response.json()
    assert served == document(FILTER_VALUES)
    assert served == json.loads(json.dumps(pages_schema.raw_schema))
    area = next(
        p for p in served["paths"]["/api/v2/pages/"]["get"]["parameters"] if p["name"] == "area"
    )
    assert area["schema"] == {"enum": ["ahus", "innlandet", "oslo"]}


@pages_schema.parametrize()
@FEW
def test_pages_answer_as_the_document_says(case, answering):
    case.call_and_validate()


@files_schema.parametrize()
@FEW
def test_images_and_documents_answer_as_the_document_says(case, answering):
    case.call_and_validate()
