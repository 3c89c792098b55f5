"""Addresses of the portal's own media files: films, caption files, podcast episodes' sound
and transcripts (the views are in resources/media_views.py, the patterns in media_urls.py).

They live outside the page tree (/avspill/…) because page addresses cannot end in a file
name, and podcast apps and players expect one (…/episode.mp3).
"""

import os

from django.urls import reverse
from django.utils.text import slugify


def _filename(page, field_file):
    extension = os.path.splitext(field_file.name)[1].lower()
    return f"{slugify(page.slug) or page.pk}{extension}"


def audio_path(episode):
    return reverse("episode_audio", args=[episode.pk, _filename(episode, episode.audio.file)])


def video_path(film):
    return reverse("film_video", args=[film.pk, _filename(film, film.video.file)])


def captions_path(caption):
    return reverse("film_captions", args=[caption.film_id, caption.language])


def transcript_path(page):
    return reverse("transcript", args=[page.pk])
