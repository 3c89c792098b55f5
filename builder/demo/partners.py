"""The demo's partners: a handful of organisations (a hospital, a municipality, a university,
the hospital pharmacy, a simulation centre, a USHT …), credited on some demo items, and
Østfold's infection-control network with its members, contact people, meeting and resources.

Idempotent: organisations are found again by slug, credits and the network are only added
where an editor has not set them."""

from wagtail.models import Locale

from builder.tree import ensure_index_page
from partners.models import Organisation, OrganisationKind
from regions.models import Region
from resources.models import EventPage, NetworkContact, NetworkMember, NetworkPage, ResourcePage
from resources.models.taxonomy import Topic

ALL_REGIONS = ["ahus", "innlandet", "vestfold", "ostfold", "oslo"]

# slug: (name, kind, regions, website, description)
ORGANISATIONS = {
    "ahus": (
        "Akershus universitetssykehus",
        OrganisationKind.HOSPITAL,
        ["ahus"],
        "https://www.ahus.no/",
        "Lokalsykehus for om lag 600 000 innbyggere på Romerike, i Follo og i tre av Oslos "
        "bydeler, og universitetssykehus.",
    ),
    "lillestrom-kommune": (
        "Lillestrøm kommune",
        OrganisationKind.MUNICIPALITY,
        ["ahus"],
        "https://www.lillestrom.kommune.no/",
        "Kommune på Romerike med hjemmetjenester, sykehjem og helsehus.",
    ),
    "oslomet": (
        "OsloMet – storbyuniversitetet",
        OrganisationKind.COLLEGE,
        ["ahus", "oslo"],
        "https://www.oslomet.no/",
        "Utdanner sykepleiere, vernepleiere og andre helsefag, og forsker på praksisnære "
        "tjenester i kommunene.",
    ),
    "sykehusapotekene": (
        "Sykehusapotekene",
        OrganisationKind.PHARMACY,
        ALL_REGIONS,
        "https://www.sykehusapotekene.no/",
        "Sykehusapotekene gir råd om legemidler til sykehus og kommuner i Helse Sør-Øst.",
    ),
    "simuleringssenteret-ahus": (
        "Simuleringssenteret ved Ahus",
        OrganisationKind.CENTRE,
        ["ahus"],
        "",
        "Ferdighetstrening og simulering for ansatte i sykehuset og kommunene rundt.",
    ),
    "usht-ostfold": (
        "Utviklingssenter for sykehjem og hjemmetjenester (USHT) Østfold",
        OrganisationKind.CENTRE,
        ["ostfold"],
        "",
        "Fagutvikling, kompetanseheving og nettverk for sykehjem og hjemmetjenester i Østfold.",
    ),
    "sykehuset-ostfold": (
        "Sykehuset Østfold",
        OrganisationKind.HOSPITAL,
        ["ostfold"],
        "https://www.sykehuset-ostfold.no/",
        "Sykehus for innbyggerne i Østfold, med hovedsykehus på Kalnes.",
    ),
    "fredrikstad-kommune": (
        "Fredrikstad kommune",
        OrganisationKind.MUNICIPALITY,
        ["ostfold"],
        "",
        "",
    ),
    "sarpsborg-kommune": ("Sarpsborg kommune", OrganisationKind.MUNICIPALITY, ["ostfold"], "", ""),
}

# Demo item id: (made by, [made with]).
CREDITS = {
    "demo-course-news2-isbar": ("ahus", ["simuleringssenteret-ahus", "lillestrom-kommune"]),
    "demo-news-ahus-simulering": ("simuleringssenteret-ahus", ["ahus"]),
    "demo-film-inhalasjonsteknikk": ("ahus", ["lillestrom-kommune"]),
    "demo-course-legemiddelhandtering": ("sykehusapotekene", ["oslomet"]),
    "demo-article-svelgevansker": ("sykehusapotekene", []),
    "demo-course-basale-smittevernrutiner": ("usht-ostfold", ["sykehuset-ostfold"]),
    "demo-project-ernaering-ostfold": (
        None,
        ["sykehuset-ostfold", "fredrikstad-kommune", "sarpsborg-kommune"],
    ),
}

NETWORK_REGION = "ostfold"
NETWORK_SLUG = "smittevernnettverket-i-ostfold"
NETWORK_MEMBERS = [
    "usht-ostfold",
    "sykehuset-ostfold",
    "fredrikstad-kommune",
    "sarpsborg-kommune",
    "sykehusapotekene",
]
# Invented people with addresses that cannot reach anyone (example.org).
NETWORK_CONTACTS = [
    (
        "Kari Nordmann",
        "Leder av nettverket, smittevernsykepleier",
        "kari.nordmann@example.org",
        "+47 400 00 001",
        "usht-ostfold",
    ),
    (
        "Ola Hansen",
        "Hygienesykepleier",
        "ola.hansen@example.org",
        "",
        "sykehuset-ostfold",
    ),
]
NETWORK_MEETING = "demo-event-smittevern-nettverk-2027"
NETWORK_RESOURCES = [
    "demo-course-basale-smittevernrutiner",
    "demo-news-ostfold-influensa",
    "demo-film-handhygiene",
]


def ensure_demo_partners(summary):
    locale = Locale.get_default()
    organisations = ensure_organisations(locale, summary)
    credit_items(organisations, summary)
    ensure_network(organisations, summary)


def ensure_organisations(locale, summary):
    """{slug: Organisation}, creating those that are missing (editors' changes are kept)."""
    regions = {region.slug: region for region in Region.objects.filter(locale=locale)}
    found = {}
    for slug, (name, kind, region_slugs, website, description) in ORGANISATIONS.items():
        organisation = Organisation.objects.filter(slug=slug, locale=locale).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                slug=slug,
                name=name,
                kind=kind,
                website=website,
                description=description,
                locale=locale,
            )
            organisation.regions.set([regions[r] for r in region_slugs if r in regions])
            summary.created.append(f"organisasjon {name}")
        found[slug] = organisation
    return found


def credit_items(organisations, summary):
    for source_id, (made_by, made_with) in CREDITS.items():
        page = ResourcePage.objects.filter(source_id=source_id).first()
        if page is None:
            continue
        page = page.specific
        if page.made_by_id or page.made_with.exists():
            continue
        page.made_by = organisations[made_by] if made_by else None
        page.made_with = [organisations[slug] for slug in made_with]
        page.save_revision().publish()
        summary.created.append(f"laget av: {page.title}")


def ensure_network(organisations, summary):
    region = Region.objects.filter(slug=NETWORK_REGION, locale=Locale.get_default()).first()
    if region is None:
        return None
    ensure_index_page("network")  # the national list, beside the regions' own
    parent = ensure_index_page("network", region)
    network = NetworkPage.objects.child_of(parent).filter(slug=NETWORK_SLUG).first()
    if network is not None:
        return network
    picked = {
        page.source_id: page
        for page in ResourcePage.objects.filter(source_id__in=NETWORK_RESOURCES)
    }
    network = NetworkPage(
        title="Smittevernnettverket i Østfold",
        slug=NETWORK_SLUG,
        summary=(
            "Et nettverk for smittevernkontakter i sykehjem og hjemmetjenester i Østfold, "
            "med faste møter, felles rutiner og råd fra sykehuset."
        ),
        purpose=(
            "<p>Nettverket skal gjøre det enklere å forebygge og håndtere smitte i kommunene. "
            "Vi deler erfaringer, lager felles rutiner og holder kompetansen oppdatert.</p>"
            "<ul><li>Fire nettverksmøter i året, digitalt og fysisk</li>"
            "<li>Felles prosedyrer for basale smittevernrutiner</li>"
            "<li>Rask kontakt med hygienesykepleierne på sykehuset</li></ul>"
        ),
        topics=list(Topic.objects.filter(slug="smittevern", locale=parent.locale)),
        made_by=organisations["usht-ostfold"],
        resources=[
            ("resource", picked[source_id])
            for source_id in NETWORK_RESOURCES
            if source_id in picked
        ],
    )
    network.members = [
        NetworkMember(organisation=organisations[slug], sort_order=number)
        for number, slug in enumerate(NETWORK_MEMBERS)
    ]
    network.contacts = [
        NetworkContact(
            name=name,
            role=role,
            email=email,
            phone=phone,
            organisation=organisations[organisation],
            sort_order=number,
        )
        for number, (name, role, email, phone, organisation) in enumerate(NETWORK_CONTACTS)
    ]
    parent.add_child(instance=network)
    network.save_revision().publish()
    summary.created.append(f"kompetansenettverk {network.title}")
    meeting = EventPage.objects.filter(source_id=NETWORK_MEETING).first()
    if meeting is not None and meeting.network_id is None:
        meeting.network = network
        meeting.save_revision().publish()
    return network
