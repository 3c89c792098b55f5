"""Reading an audio or video file's length, so editors need not type it (podcast apps need
itunes:duration, search engines a video's duration)."""

import contextlib

import mutagen


def duration_seconds(field_file):
    """Whole seconds of the audio or video in ``field_file`` (a FieldFile or an uploaded
    file), or None when the format is unknown or the file cannot be read."""
    try:
        field_file.open("rb")
        field_file.seek(0)
        info = mutagen.File(field_file)
    except (mutagen.MutagenError, OSError, ValueError):
        return None
    finally:
        with contextlib.suppress(OSError, ValueError):
            field_file.seek(0)
    length = getattr(getattr(info, "info", None), "length", None)
    return round(length) if length else None
