"""What the demo media say and sound like: the film's slides with their captions, the podcast
episodes' jingles and chords, and the episodes' transcripts (scripts/make_demo_media.py makes
the files from them)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Slide:
    label: str  # small line above the text
    lines: tuple[str, ...]  # the large text, one item a line
    footer: str  # small line near the bottom
    seconds: float
    cues_nb: tuple[tuple[float, float, str], ...]  # (start, end, text), times in the film
    cues_en: tuple[tuple[float, float, str], ...]


SLIDES = (
    Slide(
        "Opplæringsfilm",
        ("Håndhygiene i", "hjemmetjenesten"),
        "Kompetansebroen",
        5,
        (
            (0.0, 2.6, "Velkommen! Denne filmen handler om håndhygiene i hjemmetjenesten."),
            (2.6, 5.0, "Rene hender er det viktigste vi gjør for å hindre smitte."),
        ),
        (
            (0.0, 2.6, "Welcome! This film is about hand hygiene in home care."),
            (2.6, 5.0, "Clean hands are the most important thing we do to prevent infection."),
        ),
    ),
    Slide(
        "Punkt 1 av 3",
        ("Vask eller sprit hendene", "før du går inn", "til brukeren"),
        "Håndhygiene i hjemmetjenesten",
        5,
        (
            (5.0, 7.6, "Først: vask eller sprit hendene før du går inn til brukeren."),
            (7.6, 10.0, "Da tar du ikke med deg smitte inn i hjemmet."),
        ),
        (
            (5.0, 7.6, "First: wash or disinfect your hands before you go in to the client."),
            (7.6, 10.0, "That way you do not carry infection into the home."),
        ),
    ),
    Slide(
        "Punkt 2 av 3",
        ("Bruk hånddesinfeksjon", "i minst 30 sekunder"),
        "Håndhygiene i hjemmetjenesten",
        5,
        (
            (10.0, 12.6, "Bruk hånddesinfeksjon i minst 30 sekunder."),
            (12.6, 15.0, "Gni håndflater, fingre, tomler og håndledd til hendene er tørre."),
        ),
        (
            (10.0, 12.6, "Use hand sanitiser for at least 30 seconds."),
            (12.6, 15.0, "Rub palms, fingers, thumbs and wrists until your hands are dry."),
        ),
    ),
    Slide(
        "Punkt 3 av 3",
        ("Sprit hendene etter at", "du har tatt av hanskene"),
        "Håndhygiene i hjemmetjenesten",
        5,
        (
            (15.0, 17.6, "Sprit hendene etter at du har tatt av hanskene."),
            (17.6, 20.0, "Hansker erstatter ikke håndhygiene."),
        ),
        (
            (15.0, 17.6, "Disinfect your hands after you have taken off your gloves."),
            (17.6, 20.0, "Gloves do not replace hand hygiene."),
        ),
    ),
    Slide(
        "Kompetansebroen",
        ("Takk for at du ser på!",),
        "Håndhygiene i hjemmetjenesten",
        4,
        ((20.0, 23.8, "Takk for at du ser på! Filmen er laget av Kompetansebroen."),),
        ((20.0, 23.8, "Thank you for watching! This film was made by Kompetansebroen."),),
    ),
)

EPISODES = (
    {
        "file": "podkast-s1e1.mp3",
        "season": 1,
        "episode": 1,
        "title": "Fra sykehus til hjem: samarbeid ved utskrivning",
        "summary": (
            "Hvordan sykehus og kommune kan samarbeide slik at pasienten får en trygg overgang "
            "fra sykehuset til hjemmet."
        ),
        "seconds": 32,
        "jingle": (523.25, 659.25, 783.99, 1046.50),  # C5 E5 G5 C6
        "chords": ((261.63, 329.63, 392.00, 523.25), (220.00, 261.63, 329.63, 440.00)),
    },
    {
        "file": "podkast-s1e2.mp3",
        "season": 1,
        "episode": 2,
        "title": "Legemiddelsamstemming: riktig liste, riktig medisin",
        "summary": (
            "Hvorfor en oppdatert og samstemt legemiddelliste er avgjørende for trygg "
            "behandling når pasienten flytter mellom tjenester."
        ),
        "seconds": 36,
        "jingle": (587.33, 739.99, 880.00, 1174.66),  # D5 F#5 A5 D6
        "chords": ((293.66, 369.99, 440.00, 587.33), (246.94, 293.66, 369.99, 493.88)),
    },
    {
        "file": "podkast-s2e1.mp3",
        "season": 2,
        "episode": 1,
        "title": "Velferdsteknologi i hjemmetjenesten",
        "summary": (
            "Hvordan digitalt tilsyn, medisindispensere og trygghetsalarmer kan gi brukerne "
            "mer trygghet og frihet i eget hjem."
        ),
        "seconds": 34,
        "jingle": (440.00, 554.37, 659.25, 880.00),  # A4 C#5 E5 A5
        "chords": ((220.00, 277.18, 329.63, 440.00), (196.00, 246.94, 293.66, 392.00)),
    },
)

PODCAST_TRANSCRIPTS = {
    "podkast-s1e1": (
        "Velkommen til Helsepodden fra Kompetansebroen. I dag snakker vi om hva som skjer når "
        "en pasient skrives ut fra sykehuset og skal hjem med hjelp fra kommunen. Den viktigste "
        "jobben gjøres før utskrivningen: sykehuset melder tidlig fra, og kommunen får vite "
        "hvilke behov pasienten har. En god epikrise og en tydelig plan for de første dagene "
        "gjør overgangen tryggere. Og ikke glem pasienten og de pårørende: de må vite hvem de "
        "skal ringe hvis noe endrer seg."
    ),
    "podkast-s1e2": (
        "Velkommen til Helsepodden. Denne episoden handler om legemiddelsamstemming, altså å "
        "sørge for at alle har den samme og riktige listen over pasientens legemidler. Når "
        "pasienten flytter mellom sykehus, fastlege og hjemmetjeneste, er det lett at en "
        "endring faller ut. Derfor går vi gjennom listen sammen med pasienten og sjekker den "
        "mot kjernejournalen og det som faktisk står i skapet hjemme. Små avvik kan få store "
        "følger, så still spørsmål når noe ikke stemmer."
    ),
    "podkast-s2e1": (
        "Velkommen til sesong to av Helsepodden. Vi starter med velferdsteknologi i "
        "hjemmetjenesten: trygghetsalarmer, digitalt tilsyn og elektroniske medisindispensere. "
        "Teknologien kan gi brukerne mer frihet og færre unødvendige besøk. Men den virker "
        "bare når den er tilpasset den enkelte, og når de ansatte vet hva de skal gjøre når "
        "en alarm går. I episoden hører vi hvordan en kommune har tatt teknologien i bruk "
        "steg for steg."
    ),
}
