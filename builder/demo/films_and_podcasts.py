"""The demo site's captioned film (in a film series) and a podcast series with two seasons of
uploaded episodes, so a visitor can try both after scripts/run.sh.

The files in builder/demo/media/ were made by the project itself (scripts/make_demo_media.py:
synthesised pictures, tones and WebVTT captions; see the README there). They are uploaded
here through the same models an editor's upload goes through.
"""

import json
from pathlib import Path

from django.core.files import File

from wagtail.images import get_image_model
from wagtailmedia.models import Media

from builder.demo.scorm_course import national_collection
from builder.tree import ensure_index_page
from editorial.teams import region_collection
from regions.models import Region
from resources.models import FilmPage, PodcastEpisodePage, PodcastSeriesPage
from resources.models.film import FilmCaption, FilmSeriesPage

MEDIA_DIR = Path(__file__).resolve().parent / "media"
FILM_SERIES_SLUG = "handhygiene-steg-for-steg"
FILM_SLUG = "handhygiene-i-hjemmetjenesten"
PODCAST_REGION = "vestfold"
PODCAST_SLUG = "helsepodden"


def _transcripts():
    return json.loads((MEDIA_DIR / "transcripts.json").read_text(encoding="utf-8"))


def _image(filename, title, collection):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    with (MEDIA_DIR / filename).open("rb") as handle:
        image = Image(title=title, collection=collection, file=File(handle, name=filename))
        image.save()
    return image


def _media(filename, title, kind, collection, **sizes):
    existing = Media.objects.filter(title=title, type=kind).first()
    if existing:
        return existing
    with (MEDIA_DIR / filename).open("rb") as handle:
        media = Media(title=title, type=kind, collection=collection, **sizes)
        media.file.save(filename, File(handle), save=False)
        media.save()
    return media


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_demo_film(summary):
    """Film series "Håndhygiene steg for steg" under /film/: part 1 is the uploaded,
    captioned film with its transcript; part 2 a film at a video service."""
    index = ensure_index_page("film")
    if index.get_children().filter(slug=FILM_SERIES_SLUG).exists():
        return
    collection = national_collection()
    series = FilmSeriesPage(
        title="Håndhygiene steg for steg",
        slug=FILM_SERIES_SLUG,
        intro="<p>Korte filmer for ansatte i hjemmetjenesten og på sykehjem, i rekkefølge.</p>",
        image=_image("handhygiene-poster.jpg", "Håndhygiene i hjemmetjenesten", collection),
    )
    _publish(index, series)
    video = _media(
        "handhygiene.mp4",
        "Håndhygiene i hjemmetjenesten (film)",
        "video",
        collection,
        width=640,
        height=360,
    )
    film = FilmPage(
        title="Håndhygiene i hjemmetjenesten",
        slug=FILM_SLUG,
        summary="Tre enkle steg for håndhygiene hjemme hos brukeren. Filmen er tekstet.",
        image=series.image,
        video=video,
        transcript=_transcripts()["handhygiene"],
    )
    for language in ("nb", "en"):
        path = MEDIA_DIR / f"handhygiene.{language}.vtt"
        with path.open("rb") as handle:
            caption = FilmCaption(language=language)
            caption.file.save(path.name, File(handle), save=False)
        film.captions.add(caption)
    _publish(series, film)
    _publish(
        series,
        FilmPage(
            title="Hansker: når og hvordan",
            slug="hansker-nar-og-hvordan",
            summary="Når du trenger hansker, og hvordan du tar dem av uten å smitte deg selv.",
            video_url="https://video.example.org/hansker-nar-og-hvordan",
            has_captions=True,
            transcript=(
                "Hansker erstatter ikke håndhygiene. Sprit hendene før du tar på hanskene, "
                "og igjen når du har tatt dem av."
            ),
        ),
    )
    summary.created.append(f"filmserie med tekstet film: {film.title}")


def ensure_demo_podcast(summary):
    """Podcast series "Helsepodden" in Vestfold: two seasons of uploaded episodes, their sound
    and cover in the region's collection."""
    region = Region.objects.filter(slug=PODCAST_REGION).first()
    if region is None:
        return
    index = ensure_index_page("podcast_series", region)
    if index.get_children().filter(slug=PODCAST_SLUG).exists():
        return
    collection = region_collection(region)
    series = PodcastSeriesPage(
        title="Helsepodden",
        slug=PODCAST_SLUG,
        summary=(
            "Samtaler om samarbeid mellom sykehus og kommuner i Vestfold, for alle som jobber "
            "i helse- og omsorgstjenesten."
        ),
        cover=_image("podkast-cover.jpg", "Helsepodden (omslag)", collection),
        author="Kompetansebroen Vestfold",
        contact_email="vestfold@kompetansebroen.example",
        category="Health & Fitness/Medicine",
    )
    _publish(index, series)
    transcripts = _transcripts()
    for episode in transcripts["episodes"]:
        key = Path(episode["file"]).stem
        audio = _media(episode["file"], f"Helsepodden: {episode['title']}", "audio", collection)
        _publish(
            series,
            PodcastEpisodePage(
                title=episode["title"],
                summary=episode["summary"],
                season_number=episode["season"],
                episode_number=episode["episode"],
                audio=audio,
                transcript=transcripts[key],
            ),
        )
    summary.created.append(f"podkastserie med to sesonger: {series.title}")
