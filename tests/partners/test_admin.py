"""Partners in the admin, through Wagtail's real views: the central team adds and edits any
organisation, a region's team only those of its own region, a bad form is an error message;
an editor makes a competence network with its members and contact people, and an
administrator removes a contact person at their request."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from partners.models import Organisation
from resources.models import NetworkContact, NetworkMember, NetworkPage
from tests import factories as f
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_partners_organisation"


def editor(django_user_model, client, group_name):
    user = django_user_model.objects.create_user(username=group_name, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def listed(client, listing, **filters):
    """The ids of the organisations the admin list shows with ``filters``."""
    page = client.get(listing, filters).content.decode()
    return {
        organisation.pk
        for organisation in Organisation.objects.all()
        if reverse(f"{ADMIN}:edit", args=[organisation.pk]) in page
    }


def form(name, regions, **fields):
    return {
        "name": name,
        "slug": "",
        "kind": "kommune",
        "regions": [region.pk for region in regions],
        "website": "",
        "description": "",
        "logo": "",
        **fields,
    }


def test_the_central_team_adds_an_organisation_that_gets_its_own_page(
    client, django_user_model, regions
):
    editor(django_user_model, client, "national-editors")
    response = client.post(
        reverse(f"{ADMIN}:add"),
        form(
            "Lillestrøm kommune",
            [regions["ahus"]],
            website="https://www.lillestrom.kommune.no/",
            description="Kommune på Romerike med hjemmetjenester og sykehjem.",
        ),
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Lillestrøm kommune")
    assert organisation.slug == "lillestrom-kommune"  # made from the name
    assert list(organisation.regions.all()) == [regions["ahus"]]

    page = client.get(reverse("organisation", args=["lillestrom-kommune"])).content.decode()
    assert "<h1>Lillestrøm kommune</h1>" in page
    assert "Kommune på Romerike med hjemmetjenester og sykehjem." in page

    # The admin list filters by type and by region.
    hospital = OrganisationFactory(
        name="Sykehuset Innlandet", kind="sykehus", regions=[regions["innlandet"]]
    )
    listing = reverse(f"{ADMIN}:list")
    assert listed(client, listing) == {organisation.pk, hospital.pk}  # (shows the message too)
    assert listed(client, listing, kind="sykehus") == {hospital.pk}
    assert listed(client, listing, regions=regions["ahus"].pk) == {organisation.pk}

    # The same short name twice is an error on the form, not a server error.
    again = client.post(reverse(f"{ADMIN}:add"), form("Lillestrøm kommune", [regions["ahus"]]))
    assert again.status_code == 200
    assert "En annen organisasjon har allerede dette kortnavnet." in again.content.decode()
    assert Organisation.objects.filter(name="Lillestrøm kommune").count() == 1


def test_a_region_team_edits_only_its_own_regions_organisations(client, django_user_model, regions):
    ahus, innlandet = regions["ahus"], regions["innlandet"]
    own = OrganisationFactory(name="Lørenskog kommune", regions=[ahus])
    other = OrganisationFactory(name="Gjøvik kommune", regions=[innlandet])
    shared = OrganisationFactory(name="OsloMet", kind="utdanning", regions=[ahus, innlandet])
    editor(django_user_model, client, "ahus-editors")

    edit = client.post(reverse(f"{ADMIN}:edit", args=[own.pk]), form("Lørenskog kommune", [ahus]))
    assert edit.status_code == 302
    # Another region's organisation: refused, and left as it was.
    assert client.get(reverse(f"{ADMIN}:edit", args=[other.pk])).status_code == 302
    client.post(reverse(f"{ADMIN}:edit", args=[other.pk]), form("Endret", [ahus]))
    other.refresh_from_db()
    assert other.name == "Gjøvik kommune" and list(other.regions.all()) == [innlandet]

    # Saving a shared one keeps the other region the team cannot choose.
    client.post(reverse(f"{ADMIN}:edit", args=[shared.pk]), form("OsloMet", [ahus]))
    assert set(shared.regions.all()) == {ahus, innlandet}

    # A new one must belong to the team's own region.
    refused = client.post(reverse(f"{ADMIN}:add"), form("Hamar kommune", [innlandet]))
    assert refused.status_code == 200
    assert not Organisation.objects.filter(name="Hamar kommune").exists()
    created = client.post(reverse(f"{ADMIN}:add"), form("Rælingen kommune", [ahus]))
    assert created.status_code == 302
    assert Organisation.objects.get(name="Rælingen kommune").regions.get() == ahus


def test_an_editor_creates_a_network_with_members_and_contacts_in_the_admin(
    admin_client, regions, index_for
):
    index = index_for("network", regions["ostfold"])
    usht = OrganisationFactory(name="USHT Østfold", kind="senter")
    hospital = OrganisationFactory(name="Sykehuset Østfold", kind="sykehus")
    data = nested_form_data(
        {
            "title": "Smittevernnettverket i Østfold",
            "slug": "smittevernnettverket",
            "summary": "Et nettverk for smittevernkontakter i kommunene.",
            "date": "2026-01-15",
            "body": streamfield([]),
            "purpose": rich_text("<p>Felles rutiner for smittevern.</p>"),
            "resources": streamfield([]),
            "members": inline_formset([{"organisation": usht.pk}, {"organisation": hospital.pk}]),
            "contacts": inline_formset(
                [
                    {
                        "name": "Kari Nordmann",
                        "role": "Leder",
                        "email": "kari@example.org",
                        "phone": "+47 400 00 001",
                        "organisation": usht.pk,
                    }
                ]
            ),
            "action-publish": "action-publish",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["resources", "networkpage", index.pk])
    response = admin_client.post(add, data)
    assert response.status_code == 302, response.context and response.context["form"].errors

    network = NetworkPage.objects.get(slug="smittevernnettverket")
    assert network.live and network.owner_region == regions["ostfold"]
    members = NetworkMember.objects.filter(network=network).order_by("sort_order")
    assert [member.organisation for member in members] == [usht, hospital]
    assert NetworkContact.objects.get(network=network).organisation == usht
    assert "Smittevernnettverket i Østfold" in admin_client.get(index.url).content.decode()


def test_an_administrator_removes_a_contact_person_from_the_network_and_its_history(
    admin_client, index_for
):
    network = f.NetworkPageFactory(
        parent=index_for("network"),
        title="Smittevernnettverket",
        contacts=[
            NetworkContact(name="Kari Nordmann", email="kari@example.org"),
            NetworkContact(name="Ola Hansen", email="ola@example.org"),
        ],
    )
    url = "/admin/personopplysninger/"
    found = admin_client.post(url, {"email": "Kari@example.org", "handling": "finn"})
    assert "Kontaktperson i «Smittevernnettverket»" in found.content.decode()

    admin_client.post(url, {"email": "kari@example.org", "handling": "slett"})
    assert [contact.name for contact in network.contacts.all()] == ["Ola Hansen"]
    for revision in network.revisions.all():
        assert "kari@example.org" not in str(revision.content)
    assert "Kari Nordmann" not in admin_client.get(network.url).content.decode()
