"""WebVTT caption files: checking that an upload is one, and reading its cues.

Only what the portal needs: the header, cue timings and cue text (voice and style tags are
stripped for the transcript). The full format: https://www.w3.org/TR/webvtt1/
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024
_TIMESTAMP = r"(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}\s+-->\s+{_TIMESTAMP}(?:\s+.*)?$")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


class InvalidWebVTT(ValueError):
    """The file is not WebVTT; the message says why, in the editor's language."""


def _seconds(hours, minutes, seconds, millis):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse(data):
    """The cues of a WebVTT file given as bytes or text; raises InvalidWebVTT."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise InvalidWebVTT(_("Tekstingsfilen er større enn 2 MB."))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidWebVTT(_("Tekstingsfilen må være lagret som UTF-8.")) from None
    lines = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0].lstrip("\ufeff")):
        raise InvalidWebVTT(_("Filen er ikke WebVTT: første linje må være «WEBVTT»."))
    cues = []
    for block in "\n".join(lines[1:]).split("\n\n"):
        block_lines = [line for line in block.split("\n") if line.strip()]
        timing_at = next((i for i, line in enumerate(block_lines) if "-->" in line), None)
        if timing_at is None:
            continue  # a NOTE, STYLE or REGION block, or blank lines
        match = _TIMING.match(block_lines[timing_at].strip())
        if not match:
            raise InvalidWebVTT(
                _("Ugyldig tidskode i tekstingsfilen: «%(line)s».")
                % {"line": block_lines[timing_at].strip()[:60]}
            )
        start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        if end <= start:
            raise InvalidWebVTT(
                _("En tekst slutter før den starter: «%(line)s».")
                % {"line": block_lines[timing_at].strip()[:60]}
            )
        text = "\n".join(_TAG.sub("", line) for line in block_lines[timing_at + 1 :])
        cues.append(Cue(start, end, text.strip()))
    if not cues:
        raise InvalidWebVTT(_("Tekstingsfilen har ingen tekster."))
    return cues


def transcript(cues):
    """The cue texts as running text: one paragraph per pause of two seconds or more."""
    paragraphs, current, last_end = [], [], None
    for cue in cues:
        if current and last_end is not None and cue.start - last_end >= 2:
            paragraphs.append(" ".join(current))
            current = []
        if cue.text:
            current.append(" ".join(cue.text.split()))
        last_end = cue.end
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
