"""Demo content for a trial install: the project's own corpus plus the pages, settings and
admin user a visitor expects, built idempotently (``manage.py load_demo_data`` calls this)."""

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail_localize.models import Translation, TranslationSource

from builder.demo import translations as demo_translations
from builder.demo.course import ensure_lesson_course
from builder.demo.events import ensure_demo_registration
from builder.demo.films_and_podcasts import ensure_demo_film, ensure_demo_podcast
from builder.demo.legacy_urls import ensure_demo_old_addresses
from builder.demo.logins import DEMO_EMAIL_DOMAIN
from builder.demo.partners import ensure_demo_partners
from builder.demo.region_profiles import ensure_region_profiles
from builder.demo.research_and_review import ensure_demo_research_and_review
from builder.demo.usage import ensure_demo_usage
from builder.importer import import_corpus, load_corpus_file
from builder.tree import ensure_child, ensure_home_page
from home.models import HomePage, RegionPage, SiteSettings, StandardPage
from resources.models import ArticlePage, ThemePage

DEMO_CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "demo_corpus.json"
ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "kompetansebroen"  # noqa: S105 - a documented trial password
ADMIN_URL = "http://127.0.0.1:8000/admin/"
CONTACT_EMAIL = "redaksjonen@kompetansebroen.example"
CONTACT_TEXT = (
    "Kompetansebroen drives av helsefellesskapene i samarbeid med sykehus, kommuner og "
    "utdanningsinstitusjoner. Innholdet er fritt tilgjengelig for alle."
)

HOME_INTRO = (
    "<p>Kompetansebroen er et nettsted for kompetansedeling og samhandling i helsetjenesten. "
    "Her finner helsepersonell og studenter e-kurs, filmer, podkaster og fagtema fra sykehus "
    "og kommuner. Velg ditt område for å se lokalt innhold først.</p>"
)
REGION_INTROS = {
    "ahus": "Kurs, nyheter og møteplasser fra Akershus universitetssykehus og kommunene og "
    "bydelene i opptaksområdet.",
    "innlandet": "Lokalt innhold fra Helsefellesskap Innlandet: Sykehuset Innlandet og "
    "kommunene fra Kongsvinger til Nord-Gudbrandsdal.",
    "vestfold": "Kurs, fagdager og nyheter fra Sykehuset i Vestfold og kommunene i "
    "helsefellesskapet i Vestfold.",
    "ostfold": "Lokalt innhold fra Sykehuset Østfold og kommunene i helsefellesskapet i Østfold.",
    "oslo": "Kurs og møteplasser fra sykehusene og bydelene i Oslo.",
}


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _paragraph(*sentences):
    return ("paragraph", "".join(f"<p>{sentence}</p>" for sentence in sentences))


def _list(intro, items):
    rows = "".join(f"<li>{item}</li>" for item in items)
    return ("paragraph", f"<p>{intro}</p><ul>{rows}</ul>")


# (settings field, slug, title, intro, body) of the standard pages under the front page.
STANDARD_PAGES = [
    (
        "about_page",
        "om-oss",
        "Om Kompetansebroen",
        "Kompetansebroen er en digital plattform for samhandling og kompetansedeling mellom "
        "kommuner, sykehus og utdanningsinstitusjoner.",
        [
            _paragraph(
                "En god helsetjeneste er avhengig av at vi deler kompetanse, både kommuner "
                "imellom og mellom kommuner og sykehus. Kompetansebroen samler e-kurs, filmer, "
                "podkaster, fagtema og møteplasser på ett sted, fritt tilgjengelig for alle.",
            ),
            _heading("Lokale redaksjoner i helsefellesskapene"),
            _paragraph(
                "En sentral redaksjon publiserer nasjonalt innhold. Hvert helsefellesskap som "
                "er med, har sin egen lokale redaksjon som deler kurs, nyheter og prosjekter "
                "fra sitt område. Velg ditt område øverst på siden for å se lokalt innhold først.",
            ),
            _list(
                "Kompetansebroen har i dag lokalt innhold fra disse områdene:",
                ["Ahus", "Innlandet", "Vestfold", "Østfold", "Oslo"],
            ),
            _heading("Vil ditt helsefellesskap være med?"),
            _paragraph(
                "Kommuner og sykehus kan koble seg på med en egen lokal redaksjon. Ta kontakt "
                f'med redaksjonen på <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.',
            ),
        ],
    ),
    (
        "privacy_page",
        "personvern",
        "Personvernerklæring",
        "Kompetansebroen bruker ikke sporingsverktøy. Vi lagrer bare personopplysninger "
        "når du selv ber om det – et kursbevis, en påmelding eller et nyhetsbrev – og bare så "
        "lenge det trengs.",
        [
            _heading("Informasjonskapsler"),
            _paragraph(
                "Nettstedet lagrer bare én informasjonskapsel: området du har valgt under "
                "«Mitt område» (for eksempel «innlandet»). Den brukes til å vise lokalt innhold "
                "først, inneholder ingen opplysninger om deg og slettes automatisk etter ett år. "
                "Du kan når som helst slette den i nettleseren.",
            ),
            _heading("Ingen sporing eller analyse"),
            _paragraph(
                "Vi bruker ikke analyseverktøy, annonsenettverk eller sporingspiksler, og vi "
                "deler ingen opplysninger med tredjeparter. Favoritter du lagrer, ligger bare i "
                "din egen nettleser.",
                "Fremdriften din i et kurs – hvilke leksjoner du har vært gjennom, og hvor langt "
                "du har kommet i en SCORM-pakke – ligger også bare i nettleseren din. Når du "
                "leverer en eksamen, teller vi bare hvor mange som har svart riktig på hvert "
                "spørsmål, uten noe om hvem som svarte.",
            ),
            _heading("Kursbevis"),
            _paragraph(
                "Når du består et kurs og ber om et kursbevis, lagrer vi det som trengs for at "
                "andre, for eksempel en arbeidsgiver, skal kunne kontrollere beviset: navnet du "
                "skrev inn, kurset, datoen du besto, og hvor lenge beviset gjelder. "
                "Kontrollkoden lagrer vi bare som et fingeravtrykk (en kryptografisk sjekksum), "
                "slik at den ikke kan leses ut av databasen. Vi lagrer ikke e-postadresse, "
                "svarene dine, resultatet ditt eller noe annet om deg.",
                "Opplysningene behandles for å kunne bekrefte kursbeviset ditt, som du selv har "
                "bedt om. Kontrollsiden viser navn, kurs, dato og om beviset fortsatt gjelder, "
                "bare for den som har koden, og den er merket slik at søkemotorer ikke skal "
                "indeksere den.",
                "Du kan når som helst slette kursbeviset med slettelenken du får når beviset "
                "lages. Lenken vises bare den ene gangen, så ta vare på den. Når beviset er "
                "slettet, er navnet ditt borte, og koden gir ikke lenger treff.",
                "For å hindre at noen prøver seg fram til andres koder, teller vi hvor mange "
                "oppslag som kommer fra samme nettverksadresse. Adressen lagres bare som et "
                "fingeravtrykk, og telleren slettes etter ti minutter.",
            ),
            _heading("Nyhetsbrev"),
            _paragraph(
                "Når du melder deg på et nyhetsbrev, lagrer vi e-postadressen din, hvilket "
                "område du valgte, språket du brukte, og når du meldte deg på, bekreftet og "
                "eventuelt meldte deg av. For hvert nyhetsbrev vi sender, noterer vi om det ble "
                "levert til adressen din, slik at du ikke får det to ganger. Opplysningene "
                "brukes bare til å sende deg nyhetsbrevet du har bedt om, og deles ikke med "
                "andre. Redaksjonene ser hvor mange som abonnerer, men ikke hvem.",
                "Du får ingenting før du har bekreftet adressen med lenken vi sender. Bekrefter "
                "du ikke innen en uke, sletter vi adressen. Hver e-post har en lenke du melder "
                "deg av med, og når du har meldt deg av, sletter vi adressen og det vi har "
                "notert om utsendingene til den, senest innen en time. Avviser e-posttjenesten "
                "din et nyhetsbrev fordi adressen ikke finnes, sletter vi adressen med det samme. "
                "For å hindre misbruk av "
                "skjemaet teller vi påmeldinger fra samme nettverksadresse; adressen lagres bare "
                "som et fingeravtrykk, og telleren slettes etter ti minutter.",
            ),
            _heading("Påmelding til arrangementer"),
            _paragraph(
                "Når du melder deg på et arrangement her, lagrer vi navnet ditt, "
                "e-postadressen, arbeidsstedet og det arrangøren ber om i tillegg (for eksempel "
                "allergier eller yrke), og om du har plass eller står på venteliste. "
                "Opplysningene brukes bare til å gjennomføre arrangementet: bekreftelse, "
                "venteliste, påminnelse, lenke til digitale møter og deltakerliste til "
                "arrangøren i ditt område. Redaktørene i andre områder ser dem ikke.",
                "Påmeldingene slettes automatisk 30 dager etter arrangementet. Du kan melde "
                "deg av med lenken i e-posten, og du kan be redaksjonen slette opplysningene "
                "om deg før det. Lenker til andre påmeldingsskjemaer går til arrangøren, som da "
                "er ansvarlig for opplysningene.",
                "For å stoppe automatisk spam teller vi hvor mange påmeldinger som kommer fra "
                "samme nettverksadresse. Adressen lagres bare som et fingeravtrykk, og telleren "
                "slettes etter ti minutter.",
            ),
            _heading("Kontakt"),
            _paragraph(
                "Spørsmål om personvern på Kompetansebroen kan sendes til "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.',
            ),
        ],
    ),
    (
        "accessibility_page",
        "tilgjengelighetserklaering",
        "Tilgjengelighetserklæring",
        "Kompetansebroen skal kunne brukes av alle, også med skjermleser, forstørrelse eller "
        "bare tastatur.",
        [
            _paragraph(
                "Nettstedet er laget for å oppfylle kravene i forskrift om universell utforming "
                "av IKT-løsninger, som bygger på WCAG 2.1 nivå AA.",
            ),
            _list(
                "Dette har vi gjort for å gjøre nettstedet tilgjengelig:",
                [
                    "Alle funksjoner kan brukes med tastatur, og fokus er tydelig markert",
                    "Sidene har en logisk overskriftsstruktur og landemerker for skjermlesere",
                    "Bilder har alternativ tekst, og filmer har teksting der det er mulig",
                    "Tekst og bakgrunn har god kontrast, og sidene fungerer med 200 % zoom",
                ],
            ),
            _heading("Kjente mangler"),
            _paragraph(
                "Noen eldre filmer og podkastepisoder mangler ennå teksting eller transkripsjon. "
                "Vi legger dem til fortløpende.",
            ),
            _heading("Gi oss tilbakemelding"),
            _paragraph(
                "Opplever du problemer med å bruke nettstedet, vil vi gjerne høre fra deg på "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>. Du kan også klage til '
                "Tilsynet for universell utforming av IKT (Digitaliseringsdirektoratet).",
            ),
        ],
    ),
]

# Placeholder list images for the theme pages: (item id, colour, alt text).
THEME_IMAGES = [
    ("demo-theme-demens", (46, 110, 142), "Illustrasjon: to hender som holder rundt en kopp"),
    ("demo-theme-legemidler", (196, 98, 45), "Illustrasjon: tabletter i en dosett"),
    ("demo-theme-barn-som-parorende", (118, 84, 150), "Illustrasjon: fire barn som holder hender"),
    ("demo-theme-palliasjon", (64, 120, 84), "Illustrasjon: et stearinlys i et vindu"),
]


@dataclass
class DemoSummary:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None  # set only when the admin user was created now


def load_demo_data(*, stdout=None, run_update_index=True):
    """Build the demo site in one transaction; a second run changes nothing."""
    summary = DemoSummary()
    with transaction.atomic():
        import_corpus(load_corpus_file(DEMO_CORPUS), stdout=stdout, source_name="demo_corpus")
        home = ensure_home_page()
        set_intros(home, summary)
        pages = ensure_standard_pages(home, summary)
        configure_site_settings(pages, summary)
        ensure_theme_images(summary)
        ensure_lesson_course(summary)
        ensure_demo_film(summary)
        ensure_demo_podcast(summary)
        ensure_demo_registration(summary)
        ensure_demo_old_addresses(summary)
        ensure_demo_research_and_review(summary)
        ensure_demo_partners(summary)
        ensure_demo_translations(summary)
        ensure_region_profiles(summary)
        ensure_demo_usage(summary)
        summary.admin_password = ensure_admin_user(summary)
        if run_update_index:
            if stdout is not None:
                stdout.write("Oppdaterer søkeindeksen …")
            # update_index lists every model it touches; keep only its errors.
            call_command("update_index", stdout=io.StringIO())
    return summary


def _publish(page, summary, label):
    page.save_revision().publish()
    summary.created.append(label)


def set_intros(home, summary):
    """Give the front page and each region page an intro, unless an editor wrote one."""
    if not home.intro:
        home.intro = HOME_INTRO
        _publish(home, summary, "ingress på forsiden")
    for page in RegionPage.objects.select_related("region"):
        if page.intro:
            continue
        text = REGION_INTROS.get(page.region.slug) or page.region.description
        page.intro = f"<p>{text}</p>"
        _publish(page, summary, f"ingress på {page.title}")


def ensure_standard_pages(home, summary):
    """About, privacy and accessibility pages under the front page: {settings field: page}."""
    pages = {}
    for field_name, slug, title, intro, body in STANDARD_PAGES:
        exists = home.get_children().filter(slug=slug).exists()
        page = ensure_child(home, StandardPage, slug, title, intro=intro, body=body)
        if not exists:
            _publish(page, summary, f"side {title}")
        pages[field_name] = page
    return pages


def configure_site_settings(pages, summary):
    """Footer links and contact details for the default site; editors' values are kept."""
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    changed = False
    for field_name, page in pages.items():
        if getattr(settings, f"{field_name}_id") is None:
            setattr(settings, field_name, page)
            changed = True
    for field_name, value in (("contact_email", CONTACT_EMAIL), ("contact_text", CONTACT_TEXT)):
        if not getattr(settings, field_name):
            setattr(settings, field_name, value)
            changed = True
    if changed:
        settings.save()
        summary.created.append("nettstedsinnstillinger")


def placeholder_image(colour, size=(1200, 675)):
    """A plain PNG with a soft diagonal band, drawn with Pillow (no downloads)."""
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, channel + 60) for channel in colour)
    width, height = size
    draw.polygon([(0, height), (width * 0.55, 0), (width, 0), (width * 0.45, height)], fill=light)
    draw.ellipse((width * 0.7, height * 0.15, width * 0.9, height * 0.5), fill=(250, 246, 238))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer


def ensure_theme_images(summary):
    """Give a few theme pages a placeholder list image (with alt text) if they have none."""
    image_model = get_image_model()
    for source_id, colour, alt_text in THEME_IMAGES:
        page = ThemePage.objects.filter(source_id=source_id).first()
        if page is None or page.image_id:
            continue
        title = f"Illustrasjon – {page.title}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title, description=alt_text)
            image.file = ImageFile(placeholder_image(colour), name=f"{page.slug}.png")
            image.save()
        page.image = image
        _publish(page, summary, f"bilde på {page.title}")


def ensure_admin_user(summary):
    """A trial superuser; an existing user (and its password) is left alone."""
    user_model = get_user_model()
    if user_model.objects.filter(username=ADMIN_USERNAME).exists():
        return None
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
    user_model.objects.create_superuser(
        username=ADMIN_USERNAME, email=f"admin@{DEMO_EMAIL_DOMAIN}", password=password
    )
    summary.created.append("administratorbruker")
    return password


def ensure_demo_translations(summary):
    """Nynorsk and English versions of the front page, the article list and one article,
    made with wagtail-localize (so editors see them as synced translations in the admin)."""
    article = ArticlePage.objects.filter(source_id=demo_translations.TRANSLATED_ARTICLE).first()
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if article is None or home is None:
        return
    pages = [home, article.get_parent().specific, article]
    for language_code in demo_translations.LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        for page in pages:
            if page.get_translation_or_none(locale) is not None:
                continue
            translate_page(page, locale, demo_translations.translated)
            summary.created.append(f"{language_code}: {page.title}")


def translate_page(page, locale, translate):
    """Translate ``page`` into ``locale`` through wagtail-localize and publish it.

    Every string segment is filled in by ``translate(text, language_code)``; slugs keep
    their source value. Untranslated segments fall back to the source text.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translate(entry.msgid, locale.language_code) or entry.msgid
    translation.import_po(po)
    # Translation.save_target(publish=True) defers publishing to transaction.on_commit; inside
    # load_demo_data's single transaction that would publish stale revisions at the end and
    # reset the new parents' child counts. Save the draft the same way, then publish now.
    source.create_or_update_translation(
        locale, publish=False, fallback=True, copy_parent_pages=True
    )
    page.get_translation(locale).get_latest_revision().publish()
