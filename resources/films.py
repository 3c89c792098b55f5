"""What a film page plays and shows: the video source, caption tracks and its place in a
series."""

import mimetypes
from dataclasses import dataclass

from resources.media_paths import captions_path, video_path


@dataclass(frozen=True)
class Track:
    language: str
    label: str
    src: str


@dataclass(frozen=True)
class SeriesPlace:
    series: object  # FilmSeriesPage
    films: list  # the series' published films, in order
    position: int  # 1-based

    @property
    def previous(self):
        return self.films[self.position - 2] if self.position > 1 else None

    @property
    def next(self):
        return self.films[self.position] if self.position < len(self.films) else None


def video_src(film):
    """Where a player fetches the film: the portal's own seekable address for an uploaded
    file, or the address elsewhere."""
    return video_path(film) if film.video_id else film.video_url


def video_source(film):
    """(src, type) of an uploaded film, or None for a film elsewhere."""
    if not film.video_id:
        return None
    return video_path(film), mimetypes.guess_type(film.video.file.name)[0] or "video/mp4"


def caption_tracks(film):
    """<track> elements for the film's caption files, the page's own language first."""
    captions = sorted(
        film.captions.all(), key=lambda caption: caption.language != film.locale.language_code
    )
    return [
        Track(caption.language, caption.get_language_display(), captions_path(caption))
        for caption in captions
    ]


def series_place(film):
    """Where the film sits in its series, or None when it is not in one (or not published)."""
    series = film.in_series
    if series is None:
        return None
    films = list(series.films())
    ids = [each.pk for each in films]
    if film.pk not in ids:
        return None
    return SeriesPlace(series, films, ids.index(film.pk) + 1)
