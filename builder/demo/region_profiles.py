"""Demo region profiles: each demo region's page gets a logo (drawn with Pillow, nothing
downloaded), contact details at the reserved .example domain, a presentation in place of the
placeholder a new region starts with, and local links for the footer (and for Innlandet the
menu). Innlandet's layout also shows a theme and the team's picks, to show what the layout
blocks do.

Each field is filled only while it is empty (the presentation: while it is the placeholder,
the layout: while it is the standard one), so what an editor changed stays, and a second run
changes nothing. Telephone numbers are left empty: the demo invents no real-looking numbers.
"""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw

from builder.demo.logins import DEMO_EMAIL_DOMAIN
from builder.tree import placeholder_presentation
from editorial.teams import region_collection
from home.models import RegionPage
from home.region_layout import default_layout
from projects.models import ProjectPage
from resources.models import CoursePage, ThemePage
from resources.registry import index_model_for

# slug: (logo colour, presentation, postal address, hospital's website)
PROFILES = {
    "ahus": (
        (0, 98, 186),
        "Helsefellesskapet for Ahus samler Akershus universitetssykehus og kommunene og "
        "bydelene i opptaksområdet om felles kompetanse. Her deler vi kurs, nyheter og "
        "møteplasser for ansatte i sykehus og kommuner.",
        "Helsefellesskapet Ahus\n1478 Lørenskog",
        "https://www.ahus.no/",
    ),
    "innlandet": (
        (0, 122, 94),
        "Helsefellesskap Innlandet er samarbeidet mellom Sykehuset Innlandet og de 46 "
        "kommunene i fylket. Vi lager kurs, fagdager og prosjekter sammen, fra Kongsvinger "
        "til Nord-Gudbrandsdal.",
        "Helsefellesskap Innlandet\n2380 Brumunddal",
        "https://www.sykehuset-innlandet.no/",
    ),
    "vestfold": (
        (126, 58, 140),
        "I helsefellesskapet i Vestfold samarbeider Sykehuset i Vestfold og kommunene om "
        "kompetanse, trygge overganger og felles fagdager.",
        "Helsefellesskapet i Vestfold\n3103 Tønsberg",
        "https://www.siv.no/",
    ),
    "ostfold": (
        (176, 74, 26),
        "Helsefellesskapet i Østfold er Sykehuset Østfold og kommunene i Østfold. Her finner "
        "du lokale kurs, nyheter og prosjekter.",
        "Helsefellesskapet i Østfold\n1714 Grålum",
        "https://sykehuset-ostfold.no/",
    ),
    "oslo": (
        (30, 70, 120),
        "Oslo helsefellesskap samler sykehusene i Oslo og bydelene om kompetanse og "
        "samhandling i helsetjenesten.",
        "Oslo helsefellesskap\n0450 Oslo",
        "https://oslo-universitetssykehus.no/",
    ),
}
# Innlandet's layout shows a theme and its picks (by the demo corpus's ids).
INNLANDET_THEME = "demo-theme-barn-som-parorende"
INNLANDET_PICKS = ["demo-project-barn-som-parorende-innlandet"]


def draw_logo(colour, size=(480, 160)):
    """A plain logo: a white arch bridge on the region's colour (PNG, drawn with Pillow)."""
    width, height = size
    deck = height - 40
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    # The arch: the upper half of an ellipse whose centre lies on the deck.
    draw.arc((70, 30, width - 70, 2 * deck - 30), start=180, end=360, fill="white", width=14)
    draw.line((40, deck, width - 40, deck), fill="white", width=12)
    for x, top in ((width * 0.32, 52), (width * 0.5, 36), (width * 0.68, 52)):
        draw.line((x, deck, x, top), fill="white", width=8)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer


def _logo(region, colour):
    image_model = get_image_model()
    title = f"Logo – {region.name}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(
            title=title,
            description=f"Logoen til helsefellesskapet {region.name}",
            collection=region_collection(region),
        )
        image.file = ImageFile(draw_logo(colour), name=f"logo-{region.slug}.png")
        image.save()
    return image


def _link(label, page=None, url=""):
    return ("link", {"label": label, "page": page, "url": url})


def _innlandet_layout():
    theme = ThemePage.objects.filter(source_id=INNLANDET_THEME).first()
    picks = list(ProjectPage.objects.filter(source_id__in=INNLANDET_PICKS))
    picks += list(CoursePage.objects.filter(owner_region__slug="innlandet")[:1])
    standard = [(block["type"], block["value"]) for block in default_layout()]
    layout = standard[:1]
    if picks:
        layout.append(("featured", {"title": "Anbefalt fra Innlandet", "pages": picks}))
    if theme is not None:
        layout.append(("theme", {"theme": theme, "count": 3, "title": ""}))
    return layout + standard[1:]


def _is_standard(layout):
    """Whether ``layout`` is still the standard one (block ids aside)."""
    blocks = [(block["type"], block["value"]) for block in layout.raw_data]
    return blocks == [(block["type"], block["value"]) for block in default_layout()]


def _fill(page, region):
    """Fill the empty parts of one region page's profile; True when something changed."""
    colour, presentation, address, website = PROFILES[region.slug]
    changed = []
    if page.intro in ("", placeholder_presentation(region, page.locale.language_code)):
        page.intro = f"<p>{presentation}</p>"
        changed.append("presentasjon")
    if page.logo_id is None:
        page.logo = _logo(region, colour)
        changed.append("logo")
    if not page.contact_email:
        page.contact_email = f"{region.slug}@{DEMO_EMAIL_DOMAIN}"
        page.postal_address = page.postal_address or address
        changed.append("kontakt")
    if not page.footer_links:
        projects = page.get_children().type(index_model_for("project")).live().first()
        links = [_link(f"Prosjekter i {region.name}", page=projects)] if projects else []
        page.footer_links = [*links, _link("Sykehusets nettsted", url=website)]
        changed.append("lenker")
    if region.slug == "innlandet" and not page.menu_links:
        project = ProjectPage.objects.filter(source_id__in=INNLANDET_PICKS).first()
        if project is not None:
            page.menu_links = [_link("Barn som pårørende", page=project)]
            changed.append("menylenke")
    if region.slug == "innlandet" and _is_standard(page.layout):
        page.layout = _innlandet_layout()
        changed.append("oppsett")
    return changed


def ensure_region_profiles(summary):
    """Give each demo region's page (in the source language) its demo profile."""
    pages = RegionPage.objects.filter(
        region__slug__in=PROFILES, locale__language_code="nb"
    ).select_related("region", "locale")
    for page in pages:
        changed = _fill(page, page.region)
        if changed:
            page.save_revision().publish()
            summary.created.append(f"profil for {page.title}: {', '.join(changed)}")
