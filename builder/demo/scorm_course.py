"""The demo site's SCORM course: the project's own small SCORM 1.2 package (builder/demo/scorm/,
"Håndhygiene i kommunale helsetjenester"), zipped in memory, checked and unpacked by the same
code as an editor's upload, and played by a live CoursePage under the national course index.
"""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from builder.tree import ensure_index_page
from courses.models import ScormPackage
from courses.scorm.store import save_package
from editorial.teams import ensure_collection
from resources.models import CoursePage
from resources.models.course import Delivery

PACKAGE_DIR = Path(__file__).resolve().parent / "scorm"
TITLE = "Håndhygiene i kommunale helsetjenester"
SLUG = "handhygiene-i-kommunale-helsetjenester"
SUMMARY = (
    "Et kort e-kurs om de fem situasjonene for håndhygiene, sprit eller såpe, og riktig "
    "teknikk. Tre spørsmål til slutt; bestått gir kursbevis."
)
BODY = [
    ("heading", {"text": "Om kurset", "level": "h2"}),
    (
        "paragraph",
        "<p>Kurset er for ansatte i hjemmetjenesten, på sykehjem og i bofellesskap. Det tar "
        "omtrent fem minutter og kan tas uten å logge inn; fremdriften lagres i nettleseren "
        "din.</p>",
    ),
]


def zip_package(folder=PACKAGE_DIR):
    """The files of ``folder`` as a SCORM zip (imsmanifest.xml at the root), in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


def national_collection():
    """The central team's collection (made here if the editorial set-up has not run yet)."""
    with translation.override("nb"):
        return ensure_collection(_("Nasjonalt"))


def ensure_demo_package():
    """The demo ScormPackage, uploaded once (found again by its title)."""
    package = ScormPackage.objects.filter(title=TITLE).first()
    if package is None:
        upload = SimpleUploadedFile(
            "handhygiene-scorm12.zip", zip_package(), content_type="application/zip"
        )
        package = save_package(ScormPackage(title=TITLE, collection=national_collection()), upload)
    return package


def ensure_demo_scorm_course(summary=None):
    """A live CoursePage playing the demo package under /e-kurs/; a second run changes nothing.
    ``summary`` (load_demo_data's DemoSummary) is told what was made."""
    with transaction.atomic():
        package = ensure_demo_package()
        index = ensure_index_page("course")
        course = index.get_children().filter(slug=SLUG).first()
        if course is not None:
            return course.specific
        course = index.add_child(
            instance=CoursePage(
                title=TITLE,
                slug=SLUG,
                locale=index.locale,
                summary=SUMMARY,
                body=BODY,
                provider="Kompetansebroen",
                duration_minutes=5,
                delivery=Delivery.SCORM,
                scorm_package=package,
                has_exam=True,
                pass_mark=80,
            )
        )
        course.save_revision().publish()
        if summary is not None:
            summary.created.append(f"SCORM-kurs {TITLE}")
        return course
