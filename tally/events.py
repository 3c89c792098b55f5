"""What is counted: one name per kind of use, the same in the counters, the tables, the
beacon's requests and the report's columns."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    VIEW = "view", _("Sidevisninger")
    PODCAST = "podcast", _("Podkastavspillinger")
    FILM = "film", _("Filmavspillinger")
    DOWNLOAD = "download", _("Nedlastinger")
    COMPLETION = "completion", _("Fullførte kurs")
    CERTIFICATE = "certificate", _("Kursbevis")


# Counted per document (DocumentCount); every other event per page (PageCount).
DOCUMENT_EVENTS = frozenset({Event.DOWNLOAD})
