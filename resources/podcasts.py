"""What podcast series and episodes show and publish: episode numbering, episodes grouped by
season, and the series' feed for podcast apps (playback/podcast_feed.py writes the XML)."""

import mimetypes
from datetime import datetime, time
from itertools import groupby

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from playback import podcast_feed
from resources.media_paths import audio_path, transcript_path

COVER_RENDITION = "fill-1400x1400|format-jpeg"
EPISODE_IMAGE_RENDITION = "fill-1400x1400|format-jpeg"
PUBLISHED_AT = time(7, 0)  # a resource dated without a time is out at 07:00 local time


def numbering(season, episode):
    """ "Sesong 10, E8" / "Sesong 2" / "Episode 8" / ""."""
    if season and episode:
        return _("Sesong %(season)d, E%(episode)d") % {"season": season, "episode": episode}
    if season:
        return _("Sesong %(season)d") % {"season": season}
    if episode:
        return _("Episode %(episode)d") % {"episode": episode}
    return ""


def by_season(episodes):
    """[(season number or None, [episodes])] in the order the episodes come in."""
    return [
        (season, list(group))
        for season, group in groupby(episodes, key=lambda episode: episode.season_number)
    ]


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _image_url(request, image):
    return _absolute(request, image.get_rendition(COVER_RENDITION).url) if image else ""


def published_at(page):
    """When a resource came out: its first publication if on its date, else the date at 07:00
    (an item imported from an older site keeps its old date)."""
    first = page.first_published_at
    if first and timezone.localtime(first).date() == page.date:
        return timezone.localtime(first)
    return timezone.make_aware(datetime.combine(page.date, PUBLISHED_AT))


def _enclosure(request, episode):
    """(url, length in bytes, type) of the episode's sound; length 0 when stored elsewhere."""
    if episode.audio_id:
        media = episode.audio
        kind = mimetypes.guess_type(media.file.name)[0] or "audio/mpeg"
        return _absolute(request, audio_path(episode)), media.file.size, kind
    kind = mimetypes.guess_type(episode.audio_url.split("?", 1)[0])[0] or "audio/mpeg"
    return episode.audio_url, 0, kind


def _episode(request, episode, explicit):
    url, length, kind = _enclosure(request, episode)
    duration = episode.duration_seconds or round(episode.audio.duration if episode.audio_id else 0)
    return podcast_feed.Episode(
        guid=f"{episode.translation_key}:{episode.locale.language_code}",
        title=episode.title,
        link=_absolute(request, episode.get_url(request)),
        description=episode.summary,
        published=published_at(episode),
        enclosure_url=url,
        enclosure_length=length,
        enclosure_type=kind,
        duration_seconds=duration,
        season=episode.season_number,
        episode=episode.episode_number,
        transcript_url=(
            _absolute(request, transcript_path(episode)) if episode.transcript.strip() else ""
        ),
        image_url=(
            _absolute(request, episode.image.get_rendition(EPISODE_IMAGE_RENDITION).url)
            if episode.image_id
            else ""
        ),
        explicit=explicit,
    )


def channel(request, series):
    """The series as a podcast_feed.Channel: published episodes with sound, newest first."""
    episodes = (
        series.episodes()
        .select_related("audio", "image", "locale")
        .exclude(audio__isnull=True, audio_url="")
        .order_by("-date", "-pk")
    )
    link = _absolute(request, series.get_url(request))
    author = series.author or (
        series.owner_region.name if series.owner_region_id else "Kompetansebroen"
    )
    category, subcategory = series.category.partition("/")[::2]
    return podcast_feed.Channel(
        title=series.title,
        link=link,
        feed_url=link + series.reverse_subpage("feed"),
        description=series.summary,
        language=series.locale.language_code,
        author=author,
        owner_name=author,
        owner_email=series.contact_email,
        image_url=_image_url(request, series.cover or series.image),
        category=category,
        subcategory=subcategory,
        explicit=series.explicit,
        copyright=f"© {author}",
        episodes=[_episode(request, episode, series.explicit) for episode in episodes],
    )


def feed_path(series):
    """The address of the series' feed on this site (None while the series has none)."""
    url = series.url
    return url + series.reverse_subpage("feed") if url else None


def feed_response(request, series):
    response = HttpResponse(
        podcast_feed.render(channel(request, series)),
        content_type="application/rss+xml; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=900"
    return response
