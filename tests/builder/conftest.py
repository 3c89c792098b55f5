"""A small corpus in the import format, one item of each type, for the importer's tests."""

import copy
import json

import pytest

from resources.models import ResourcePage


def _item(item_id, kind, title, **extra):
    item = {
        "id": item_id,
        "type": kind,
        "title": title,
        "summary": f"Sammendrag av {title.lower()}.",
        "body": [
            {"type": "heading", "text": "Om innholdet"},
            {"type": "paragraph", "text": "Brødtekst med <tegn> & mer."},
            {"type": "list", "text": "Du lærer:", "items": ["Én ting", "En annen ting"]},
        ],
        "topics": ["demens"],
        "audiences": ["helsepersonell"],
        "region": None,
        "published": "2024-03-15",
    }
    item.update(extra)
    return item


SMALL_CORPUS = {
    "format": "kompetansebro-corpus/1",
    "regions": [
        {"slug": "ahus", "name": "Ahus", "description": "Akershus universitetssykehus."},
        {"slug": "innlandet", "name": "Innlandet", "description": "Sykehuset Innlandet."},
        {"slug": "oslo", "name": "Oslo", "description": "Oslo universitetssykehus."},
    ],
    "topics": [
        {"slug": "demens", "name": "Demens", "description": "Demenssykdom."},
        {"slug": "legemidler", "name": "Legemidler", "description": "Trygg bruk."},
    ],
    "audiences": [
        {"slug": "helsepersonell", "name": "Helsepersonell"},
        {"slug": "studenter", "name": "Studenter"},
    ],
    "items": [
        _item(
            "course-001",
            "course",
            "Legemiddelhåndtering for helsefagarbeidere",
            topics=["legemidler"],
            duration_minutes=120,
            provider="Kompetansebroen",
            has_exam=True,
            course_format="e-læring",
        ),
        _item(
            "course-002",
            "course",
            "Demensomsorg i Ahus-kommunene",
            region="ahus",
            duration_minutes=45,
            provider="Ahus",
            has_exam=False,
            course_format="webinar",
        ),
        _item(
            "podcast_episode-001",
            "podcast_episode",
            "Hva er egentlig et helsefellesskap?",
            series="Samhandlingspodden",
            episode_number=1,
            duration_seconds=1860,
            audio_url="https://media.example.org/podkast/01.mp3",
            guests_roles=["kommuneoverlege", "rådgiver"],
        ),
        _item(
            "podcast_episode-002",
            "podcast_episode",
            "Legemidler og eldre",
            topics=["legemidler"],
            audiences=["studenter"],
            series="Samhandlingspodden",
            episode_number=2,
            duration_seconds=1500,
            audio_url="https://media.example.org/podkast/02.mp3",
            guests_roles=[],
        ),
        _item(
            "film-001",
            "film",
            "Slik måler du blodtrykk riktig",
            video_url="https://video.example.org/blodtrykk",
            duration_seconds=420,
            has_captions=True,
            transcript="Før du måler blodtrykket …",
        ),
        _item("article-001", "article", "Når mor blir syk", region="innlandet"),
        _item(
            "news-001",
            "news",
            "Nytt kurs om demens i Innlandet",
            region="innlandet",
            shared_with_regions=["ahus", "oslo"],
        ),
        _item(
            "event-001",
            "event",
            "Webinar: Barn som pårørende",
            region="oslo",
            start="2025-10-08T13:00",
            end="2025-10-08T14:30",
            location="Digitalt (Teams)",
            online=True,
            registration_deadline="2025-10-06",
            capacity=None,
            organiser="Kompetansebroen",
        ),
        _item("theme-001", "theme", "Demens", topic="demens", topics=["demens", "legemidler"]),
        _item(
            "project-001",
            "project",
            "Sammen om barn som pårørende – Innlandet",
            region="innlandet",
            partners=["Sykehuset Innlandet", "Gjøvik kommune"],
            goals=["Felles kompetansenettverk"],
            status="aktiv",
            period="2023–2026",
        ),
    ],
}
SMALL_TYPES = {
    "course": 2,
    "podcast_series": 1,
    "podcast_episode": 2,
    "film": 1,
    "article": 1,
    "news": 1,
    "event": 1,
    "theme": 1,
    "project": 1,
}


@pytest.fixture
def corpus():
    """The small corpus (a fresh copy a test may change)."""
    return copy.deepcopy(SMALL_CORPUS)


def _page(item_id):
    return ResourcePage.objects.get(source_id=item_id).specific


def _write(tmp_path, data, name="corpus.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path
