"""The demo's research articles (Forskning), photo credits under main images, and review dates:
a few items in several regions whose review has passed or is near, so the report
Rapporter → Faglig gjennomgang has something to show each team, and "Sist faglig oppdatert"
on pages that have been reviewed.

The research is invented for the demo: the DOIs use Crossref's test prefix 10.5555 and the
links example.org, so nothing points at a real publication. Review dates are set relative to
the day the demo is built, so it stays current.
"""

import datetime

from django.utils import timezone

from wagtail.images import get_image_model

from builder.tree import ensure_index_page
from regions.lookup import region_by_slug
from resources.models import ResearchArticlePage, ResourcePage, ThemePage, Topic
from resources.review import years_after

IMAGE_CREDIT = "Kompetansebroen (illustrasjon)"

RESEARCH = [
    {
        "region": None,
        "slug": "faste-rutiner-for-legemiddelgjennomgang-i-hjemmetjenesten",
        "title": "Faste rutiner for legemiddelgjennomgang gir færre feil i hjemmetjenesten",
        "summary": "En studie fra seks kommuner fant færre legemiddelfeil der sykepleier, fastlege "
        "og farmasøyt gikk gjennom legemiddellisten sammen hver tredje måned.",
        "topics": ["legemidler"],
        "audiences": ["sykepleiere", "ledere"],
        # The illustrations content.py draws for the theme pages (None before it has).
        "image": "Illustrasjon – Legemidler",
        "caption": "Legemiddelgjennomgang: liste og dosett gås gjennom sammen.",
        "fields": {
            "authors": ["Ingrid Solberg", "Anders Haugen", "Mari Bakke"],
            "institution": "Senter for praksisnær forskning i kommunehelsetjenesten",
            "publication": "Nordisk tidsskrift for praksisnær helseforskning",
            "publication_year": 2025,
            "doi": "10.5555/kompetansebroen.demo.2025.014",
            "practice_summary": "Når legemiddellisten gås gjennom av sykepleier, fastlege og "
            "farmasøyt sammen, og det skjer på faste tidspunkter, blir det færre feil. Feilene "
            "som forsvant, var først og fremst dobbeltmedisinering og legemidler som ikke "
            "lenger skulle brukes.\n\nDe tre kommunene med faste rutiner hadde 40 prosent "
            "færre avvik etter ett år enn de tre som gjorde gjennomgangen ved behov.",
            "implementation_notes": "<ol><li>Avtal faste datoer for legemiddelgjennomgang med "
            "fastlegene, for eksempel hver tredje måned.</li><li>La én sykepleier per sone ha "
            "ansvar for å forberede listen.</li><li>Spør sykehusapoteket om farmasøytbistand; "
            "mange tilbyr det til kommunene.</li><li>Følg med på avvikene før og etter.</li>"
            "</ol>",
        },
    },
    {
        "region": "innlandet",
        "slug": "nattlig-tilsyn-med-sensorer-i-fjellkommunene",
        "title": "Nattlig tilsyn med sensorer i fjellkommunene",
        "summary": "Sensorer i stedet for faste nattbesøk: erfaringer fra fire kommuner i "
        "Innlandet etter to år.",
        "topics": ["velferdsteknologi"],
        "audiences": ["helsepersonell", "ledere"],
        "image": "Illustrasjon – Palliasjon",
        "caption": "Trygghet om natten, også uten faste besøk.",
        "fields": {
            "authors": ["Kristin Moe", "Per Olav Lien"],
            "institution": "Kompetansenettverket for velferdsteknologi i Innlandet",
            "publication": "Rapportserie fra kompetansenettverket i Innlandet",
            "publication_year": 2024,
            "link": "https://forskning.example.org/rapporter/nattlig-tilsyn-2024",
            "practice_summary": "Brukerne sov bedre og følte seg like trygge da faste "
            "nattbesøk ble byttet ut med sensorer som varslet ved fall eller uro. "
            "Nattevaktene fikk mer tid til dem som trengte besøk.",
            "implementation_notes": "<ul><li>Start med brukere som selv ønsker færre "
            "nattbesøk.</li><li>Lag en rutine for hvem som rykker ut på varsel, og test den "
            "før oppstart.</li><li>Evaluer sammen med brukerne etter tre måneder.</li></ul>",
        },
    },
]

# (item id, days from today to its review date): overdue or soon due in several regions.
REVIEWS = [
    ("demo-course-demens-hjemmetjeneste", -120),  # national
    ("demo-film-munnstell", -35),  # national
    ("demo-course-news2-isbar", -60),  # Ahus
    ("demo-article-ernaering-hjemme", -10),  # Østfold
    ("demo-course-kols-hjemme", 14),  # Vestfold
    ("demo-course-samtaler-med-barn", 20),  # Innlandet
    ("demo-article-palliasjon-distrikt", -3),  # Innlandet
]
# Reviewed recently: "Sist faglig oppdatert" shows on the page (and its translations).
RECENTLY_REVIEWED = ["demo-article-svelgevansker", "demo-course-legemiddelhandtering"]


def ensure_demo_research_and_review(summary):
    """Run after the theme pages have their illustrations (content.ensure_theme_images)."""
    ensure_research_articles(summary)
    ensure_photo_credits(summary)
    ensure_review_dates(summary)


def ensure_research_articles(summary):
    for spec in RESEARCH:
        parent = ensure_index_page("research", region_by_slug(spec["region"]))
        if parent.get_children().filter(slug=spec["slug"]).exists():
            continue
        fields = dict(spec["fields"])
        fields["authors"] = [("item", name) for name in fields["authors"]]
        page = ResearchArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            date=timezone.localdate() - datetime.timedelta(days=30),
            image=get_image_model().objects.filter(title=spec["image"]).first(),
            image_caption=spec["caption"],
            image_credit=IMAGE_CREDIT,
            last_reviewed=timezone.localdate() - datetime.timedelta(days=30),
            **fields,
        )
        parent.add_child(instance=page)
        page.topics.set(Topic.objects.filter(slug__in=spec["topics"], locale=page.locale))
        page.audiences.set(
            page.audiences.model.objects.filter(slug__in=spec["audiences"], locale=page.locale)
        )
        page.save_revision().publish()
        summary.created.append(f"forskningsartikkel: {page.title}")


def ensure_photo_credits(summary):
    """The theme pages' illustrations get a credit (ensure_theme_images gives them images)."""
    for page in ThemePage.objects.filter(image__isnull=False, image_credit=""):
        page.image_credit = IMAGE_CREDIT
        page.save_revision().publish()
        summary.created.append(f"fotokreditering på {page.title}")


def ensure_review_dates(summary):
    """Review dates on the chosen items, unless the demo (or an editor) recorded a review."""
    today = timezone.localdate()
    for source_id, offset in REVIEWS:
        review_by = today + datetime.timedelta(days=offset)
        _set_review(source_id, summary, review_by, years_after(review_by, -2))
    for source_id in RECENTLY_REVIEWED:
        checked = today - datetime.timedelta(days=45)
        _set_review(source_id, summary, years_after(checked, 2), checked)


def _set_review(source_id, summary, review_by, last_reviewed):
    page = ResourcePage.objects.filter(source_id=source_id, locale__language_code="nb").first()
    if page is None or page.last_reviewed is not None:
        return
    page = page.specific
    page.review_by, page.last_reviewed = review_by, last_reviewed
    page.save_revision().publish()
    summary.created.append(f"faglig gjennomgang: {page.title}")
