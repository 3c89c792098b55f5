"""WebVTT: what is accepted as a caption file, and the transcript read from it."""

import pytest

from playback import webvtt

VALID = """WEBVTT - Håndhygiene

NOTE made by the project itself

1
00:00:00.000 --> 00:00:02.600
<v Forteller>Velkommen!</v> Denne filmen handler om håndhygiene.

00:02.600 --> 00:00:05.000 align:center
Rene hender hindrer smitte.

00:00:09.000 --> 00:00:11.500
Sprit hendene
etter at du har tatt av hanskene.
"""


def test_cues_are_read_with_their_times_and_text_without_tags():
    cues = webvtt.parse(VALID.encode())
    assert [(cue.start, cue.end) for cue in cues] == [(0, 2.6), (2.6, 5), (9, 11.5)]
    assert cues[0].text == "Velkommen! Denne filmen handler om håndhygiene."
    assert cues[2].text == "Sprit hendene\netter at du har tatt av hanskene."


def test_the_transcript_starts_a_paragraph_after_a_pause():
    assert webvtt.transcript(webvtt.parse(VALID)) == (
        "Velkommen! Denne filmen handler om håndhygiene. Rene hender hindrer smitte."
        "\n\nSprit hendene etter at du har tatt av hanskene."
    )


def test_a_byte_order_mark_and_windows_line_ends_are_fine():
    cues = webvtt.parse(("\ufeff" + VALID).replace("\n", "\r\n").encode())
    assert len(cues) == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"1\n00:00:00,000 --> 00:00:01,000\nSRT\n", "første linje"),
        (b"WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nkomma\n", "Ugyldig tidskode"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nbaklengs\n", "slutter før"),
        (b"WEBVTT\n\nNOTE bare en merknad\n", "ingen tekster"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\næøå\n".encode("latin-1"), "UTF-8"),
        (b"WEBVTT\n" + b"x" * (webvtt.MAX_BYTES + 1), "2 MB"),
    ],
)
def test_files_that_are_not_webvtt_are_refused_with_a_reason(data, message):
    with pytest.raises(webvtt.InvalidWebVTT, match=message):
        webvtt.parse(data)
