"""The demo's course taken in the portal: "Trygg legemiddelhåndtering i hjemmetjenesten" from the
demo corpus gets lessons with practice questions, an exam and a kursbevis valid for four years
(as the real medication course's)."""

from courses.models import LessonPage
from resources.models import CoursePage

COURSE_SOURCE_ID = "demo-course-legemiddelhandtering"


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(*sentences):
    return ("paragraph", "".join(f"<p>{sentence}</p>" for sentence in sentences))


def _option(text, correct=False, explanation=""):
    return {"text": text, "correct": correct, "explanation": explanation}


def _question(text, *options):
    return {"question": text, "options": list(options)}


LESSONS = [
    (
        "ansvar-og-delegering",
        "Ansvar, lover og delegering",
        "Hvem har ansvar for hva når legemidler deles ut, og hva som kreves for å få "
        "oppgaven delegert.",
        [
            heading("Virksomhetens ansvar"),
            paragraph(
                "Legemiddelhåndteringsforskriften pålegger virksomheten å ha skriftlige prosedyrer "
                "for legemiddelhåndtering. Virksomhetslederen har det overordnede ansvaret, og "
                "hver enkelt har ansvar for å handle forsvarlig innenfor sin kompetanse.",
                "Helsefagarbeidere kan få delegert oppgaven å dele ut legemidler. Delegeringen "
                "skal være skriftlig, personlig og bygge på dokumentert opplæring.",
            ),
            (
                "practice_question",
                _question(
                    "Hva må være på plass før en helsefagarbeider kan dele ut legemidler?",
                    _option(
                        "Skriftlig, personlig delegering etter dokumentert opplæring",
                        True,
                        "Delegeringen er personlig og skriftlig, og bygger på opplæring.",
                    ),
                    _option(
                        "Muntlig beskjed fra sykepleieren på vakt",
                        False,
                        "En muntlig beskjed er ikke nok: delegeringen skal være skriftlig.",
                    ),
                    _option(
                        "Ingenting – alle ansatte kan dele ut legemidler",
                        False,
                        "Utdeling krever delegering og opplæring.",
                    ),
                ),
            ),
        ],
    ),
    (
        "multidose-og-oppbevaring",
        "Multidose, dosett og oppbevaring",
        "Hvordan legemidlene kommer fra apoteket, og hvordan de oppbevares trygt hjemme hos "
        "pasienten.",
        [
            heading("Multidose fra apoteket"),
            paragraph(
                "Med multidose pakker apoteket legemidlene i poser merket med pasientens navn, "
                "dato og tidspunkt. Kontroller posen mot legemiddellisten før utdeling.",
                "Legemidler skal oppbevares utilgjengelig for uvedkommende og etter "
                "produsentens anvisning, for eksempel i kjøleskap.",
            ),
            (
                "practice_question",
                _question(
                    "Hva kontrollerer du på en multidosepose før du gir den? Velg to.",
                    _option("Pasientens navn", True, "Riktig pasient er første kontroll."),
                    _option(
                        "Dato og tidspunkt", True, "Posen skal gis til riktig tid på riktig dag."
                    ),
                    _option(
                        "Apotekets åpningstider",
                        False,
                        "Åpningstidene har ingenting med utdelingen å gjøre.",
                    ),
                ),
            ),
        ],
    ),
    (
        "dokumentasjon-og-avvik",
        "Dokumentasjon, observasjon og avvik",
        "Hvorfor alt som gis skal dokumenteres, hva du ser etter etterpå, og hva du gjør når "
        "noe går galt.",
        [
            heading("Dokumenter det du gir"),
            paragraph(
                "Alle utdelte legemidler dokumenteres i pasientens journal. Observer effekt og "
                "bivirkninger, og meld fra til sykepleier eller lege ved endringer.",
                "Et avvik – for eksempel en glemt eller feil dose – skal meldes i virksomhetens "
                "avvikssystem. Formålet er læring, ikke å finne syndebukker.",
            ),
            (
                "practice_question",
                _question(
                    "Du oppdager at en pasient har fått feil dose. Hva gjør du først?",
                    _option(
                        "Sørger for pasientens sikkerhet og varsler sykepleier eller lege",
                        True,
                        "Pasientens sikkerhet kommer først; deretter dokumentasjon og "
                        "avviksmelding.",
                    ),
                    _option(
                        "Venter til neste vakt med å si fra",
                        False,
                        "Å vente kan skade pasienten.",
                    ),
                ),
            ),
        ],
    ),
]

EXAM = [
    _question(
        "Hvem har det overordnede ansvaret for legemiddelhåndteringen i en kommunal virksomhet?",
        _option("Virksomhetslederen", True, "Forskriften legger ansvaret på virksomheten."),
        _option("Apoteket", False, "Apoteket leverer, men har ikke ansvaret i virksomheten."),
        _option("Pasientens fastlege alene", False, "Legen ordinerer; virksomheten har ansvaret."),
    ),
    _question(
        "Hva skal en delegering av legemiddelutdeling være? Velg to.",
        _option("Skriftlig", True, "Delegeringen skal være skriftlig."),
        _option("Personlig", True, "Den gjelder en navngitt person."),
        _option("Gyldig for hele avdelingen", False, "En delegering er ikke kollektiv."),
    ),
    _question(
        "Hva betyr multidose?",
        _option(
            "At apoteket pakker legemidlene i poser per tidspunkt",
            True,
            "Hver pose er merket med navn, dato og tidspunkt.",
        ),
        _option("At pasienten får dobbel dose", False, "Multidose handler om pakking."),
        _option("At flere pasienter deler et legemiddel", False, "Legemidler er personlige."),
    ),
    _question(
        "Hva skal dokumenteres når du har gitt et legemiddel? Velg to.",
        _option("At legemidlet er gitt, og når", True, "Utdelingen dokumenteres i journalen."),
        _option("Observert effekt eller bivirkning", True, "Observasjoner skal dokumenteres."),
        _option("Hvem som var på vakt dagen før", False, "Det hører ikke til dokumentasjonen."),
    ),
    _question(
        "Hva er formålet med å melde avvik?",
        _option("Læring og forbedring", True, "Avvik meldes for å hindre gjentakelse."),
        _option("Å finne den skyldige", False, "Avvikssystemet er ikke til for å straffe."),
    ),
]


def ensure_lesson_course(summary):
    """Turn the demo corpus's medication course into a course taken in the portal, once."""
    course = CoursePage.objects.filter(source_id=COURSE_SOURCE_ID).first()
    if course is None or course.delivery == "leksjoner":
        return course
    course.delivery = "leksjoner"
    course.has_exam = True
    course.pass_mark = 80
    course.certificate_valid_years = 4
    course.exam_questions = [("question", question) for question in EXAM]
    course.save_revision().publish()
    for slug, title, intro, body in LESSONS:
        lesson = course.add_child(
            instance=LessonPage(title=title, slug=slug, intro=intro, body=body)
        )
        lesson.save_revision().publish()
    summary.created.append(f"kurs i portalen: {course.title}")
    return course
