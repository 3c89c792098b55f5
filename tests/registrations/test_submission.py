"""Partners suggest an event through the public form: it lands as a draft in the chosen
area's list, in that area's moderation workflow, with the contact details for the editors
only; bad input gives field errors and creates nothing."""

import datetime
import time

from django.core import signing
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from guards.form_timing import SALT
from registrations.models import Submission
from resources.models import EventPage

pytestmark = pytest.mark.django_db
URL = "/foresla-arrangement/"


def data(**changes):
    start = timezone.localtime() + datetime.timedelta(days=20)
    return {
        "title": "Fagdag om sårbehandling",
        "summary": "En dag om sårbehandling i hjemmetjenesten.",
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + datetime.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M"),
        "location": "Gjøvik",
        "organiser": "Sykehuset Innlandet",
        "area": "innlandet",
        "contact_name": "Siri Sår",
        "contact_email": "siri@example.org",
        "message": "Ring meg gjerne.",
        "skjema": signing.dumps(time.time() - 30, salt=SALT),
        "nettsted": "",
        **changes,
    }


@pytest.fixture
def tree(regions, index_for):
    from django.core.management import call_command

    call_command("setup_editorial_groups", verbosity=0)
    return {"innlandet": index_for("event", regions["innlandet"]), "national": index_for("event")}


def test_a_suggestion_becomes_a_draft_in_the_areas_workflow(client, tree):
    assert client.get(URL).status_code == 200
    response = client.post(URL, data())
    assert response.status_code == 303
    page = EventPage.objects.get(title="Fagdag om sårbehandling")
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == tree["innlandet"].pk
    assert page.owner_region.slug == "innlandet"
    assert page.organiser == "Sykehuset Innlandet"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    submission = Submission.objects.get(page=page)
    assert (submission.name, submission.email) == ("Siri Sår", "siri@example.org")
    # The contact details are not on any page a visitor can reach.
    assert client.get(page.url).status_code == 404
    assert "Takk!" in client.get(response["Location"]).content.decode()


def test_without_an_area_it_goes_to_the_national_list(client, tree):
    client.post(URL, data(area=""))
    assert EventPage.objects.get().get_parent().pk == tree["national"].pk


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"contact_email": "ikke-epost"}, "contact_email"),
        ({"start": "i morgen"}, "start"),
        ({"start": "2020-01-01T10:00"}, "start"),
        ({"area": "atlantis"}, "area"),
    ],
)
def test_bad_input_gives_field_errors_and_creates_nothing(client, tree, changes, field):
    response = client.post(URL, data(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not EventPage.objects.exists()
    assert not Submission.objects.exists()


def test_an_end_before_the_start_is_an_error(client, tree):
    start = timezone.localtime() + datetime.timedelta(days=20)
    response = client.post(
        URL, data(end=(start - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    )
    assert response.status_code == 400
    assert "end" in response.context["form"].errors


@pytest.mark.parametrize("changes", [{"nettsted": "x"}, {"skjema": "forfalsket"}])
def test_robots_create_nothing(client, tree, changes):
    assert client.post(URL, data(**changes)).status_code == 400
    assert not EventPage.objects.exists()


def test_editors_see_the_suggestions_for_their_own_area_only(client, tree, django_user_model):
    from django.contrib.auth.models import Group

    client.post(URL, data())
    client.post(URL, data(title="Ahus-dag", area="ahus", contact_email="ahus@example.org"))
    user = django_user_model.objects.create_user("ida", "ida@example.org", "pw")
    user.groups.add(Group.objects.get(name="innlandet-editors"))
    client.force_login(user)
    html = client.get("/admin/arrangementsforslag/").content.decode()
    assert "Fagdag om sårbehandling" in html and "siri@example.org" in html
    assert "Ahus-dag" not in html and "ahus@example.org" not in html
