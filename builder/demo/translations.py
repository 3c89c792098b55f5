"""Nynorsk and English translations of a few demo pages, fed through wagtail-localize's own
machinery (TranslationSource → Translation → PO import → save_target) exactly as an editor's
translation would be, so the language switcher has real translated pages to go to.

Keys are the bokmål source strings (wagtail-localize segments); slugs stay the same in
every language so /nn/ and /en/ addresses mirror the bokmål ones.
"""

# The pages translated, by how demo.py finds them: the front page, the article list, one article.
TRANSLATED_ARTICLE = "demo-article-svelgevansker"

STRINGS = {
    "Kompetansebroen": ("Kompetansebroen", "Kompetansebroen"),
    "Kompetansebroen – kompetansedeling i helsefellesskapene": (
        "Kompetansebroen – kompetansedeling i helsefellesskapa",
        "Kompetansebroen – sharing competence across Norway's health communities",
    ),
    "Kurs, filmer, podkaster og fagtema for helsepersonell i kommuner og sykehus.": (
        "Kurs, filmar, podkastar og fagtema for helsepersonell i kommunar og sjukehus.",
        "Courses, films, podcasts and topics for health professionals in municipalities "
        "and hospitals.",
    ),
    "Kompetansebroen er et nettsted for kompetansedeling og samhandling i helsetjenesten. "
    "Her finner helsepersonell og studenter e-kurs, filmer, podkaster og fagtema fra sykehus "
    "og kommuner. Velg ditt område for å se lokalt innhold først.": (
        "Kompetansebroen er ein nettstad for kompetansedeling og samhandling i helsetenesta. "
        "Her finn helsepersonell og studentar e-kurs, filmar, podkastar og fagtema frå "
        "sjukehus og kommunar. Vel området ditt for å sjå lokalt innhald først.",
        "Kompetansebroen is a website for sharing competence and working together in the "
        "health service. Health professionals and students find e-learning courses, films, "
        "podcasts and topics from hospitals and municipalities here. Choose your area to see "
        "local content first.",
    ),
    "Fagartikler": ("Fagartiklar", "Articles"),
    "Når pasienten ikke klarer å svelge tablettene": (
        "Når pasienten ikkje klarer å svelgje tablettane",
        "When the patient cannot swallow tablets",
    ),
    "Kan tabletten knuses? Hva med kapsler og depotpreparater? Råd om legemidler til "
    "pasienter med svelgevansker.": (
        "Kan tabletten knusast? Kva med kapslar og depotpreparat? Råd om legemiddel til "
        "pasientar med svelgjevanskar.",
        "Can the tablet be crushed? What about capsules and modified-release medicines? "
        "Advice on medicines for patients with swallowing difficulties.",
    ),
    "Svelgevansker er vanlig hos eldre, hos personer med demens og etter hjerneslag. Mange "
    "prøver å løse problemet ved å knuse tablettene, men det er ikke alltid trygt.": (
        "Svelgjevanskar er vanleg hos eldre, hos personar med demens og etter hjerneslag. "
        "Mange prøver å løyse problemet ved å knuse tablettane, men det er ikkje alltid trygt.",
        "Swallowing difficulties are common in older people, in people with dementia and "
        "after a stroke. Many try to solve the problem by crushing the tablets, but that is "
        "not always safe.",
    ),
    "Ikke alle tabletter tåler å knuses": (
        "Ikkje alle tablettar toler å bli knuste",
        "Not every tablet can be crushed",
    ),
    "Depottabletter, enterotabletter og enkelte cellegifter skal aldri knuses. Da kan hele "
    "dosen frigjøres på en gang, eller legemidlet kan bli ødelagt av magesyren. Spør alltid "
    "farmasøyt eller lege hvis du er i tvil, og bruk oppslagsverk som Felleskatalogen.": (
        "Depottablettar, enterotablettar og enkelte cellegifter skal aldri knusast. Då kan "
        "heile dosen bli frigjord på ein gong, eller legemiddelet kan bli øydelagt av "
        "magesyra. Spør alltid farmasøyt eller lege om du er i tvil, og bruk oppslagsverk "
        "som Felleskatalogen.",
        "Modified-release tablets, enteric-coated tablets and some cytotoxic drugs must never "
        "be crushed. The whole dose may then be released at once, or stomach acid may destroy "
        "the medicine. Always ask a pharmacist or doctor if in doubt, and use reference works "
        "such as Felleskatalogen.",
    ),
    "Dette kan du gjøre:": ("Dette kan du gjere:", "What you can do:"),
    "Be legen vurdere om alle legemidlene fortsatt er nødvendige": (
        "Be legen vurdere om alle legemidla framleis er nødvendige",
        "Ask the doctor whether all the medicines are still needed",
    ),
    "Spør om legemidlet finnes som mikstur, smeltetablett eller plaster": (
        "Spør om legemiddelet finst som mikstur, smeltetablett eller plaster",
        "Ask whether the medicine exists as a liquid, orodispersible tablet or patch",
    ),
    "Dokumenter hvordan pasienten får legemidlene": (
        "Dokumenter korleis pasienten får legemidla",
        "Record how the patient takes the medicines",
    ),
}

LANGUAGES = ("nn", "en")


def translated(text, language_code):
    """The demo translation of a bokmål segment, or None when there is none."""
    pair = STRINGS.get(text)
    if pair is None:
        return None
    return pair[LANGUAGES.index(language_code)]
