"""The importer credits a project's partners that are organisations: a name in the corpus's
``partners`` list that is exactly an organisation's name (case aside) becomes "i samarbeid
med" on the project; other names stay text on the project page only."""

import copy

import pytest

from builder.importer import import_corpus
from resources.models import ResourcePage
from tests.builder.conftest import SMALL_CORPUS
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_projects_partners_that_are_organisations_are_credited():
    hospital = OrganisationFactory(name="Sykehuset Innlandet", kind="sykehus")
    OrganisationFactory(name="Gjøvik")  # not the name the corpus uses
    corpus = copy.deepcopy(SMALL_CORPUS)
    corpus["items"] = [item for item in corpus["items"] if item["type"] == "project"]
    corpus["items"][0]["partners"] = ["sykehuset innlandet", "Gjøvik kommune"]

    import_corpus(corpus)

    project = ResourcePage.objects.get(source_id="project-001").specific
    assert list(project.made_with.all()) == [hospital]
    assert [partner.value for partner in project.partners] == [
        "sykehuset innlandet",
        "Gjøvik kommune",
    ]
    assert project.made_by is None
