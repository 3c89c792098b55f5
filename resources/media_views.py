"""Serving films, captions, episodes and transcripts (addresses in resources/media_paths.py).

Each answers only for a live page that is open to everyone; anything else is a 404, so an
unpublished episode's sound or a private film is not reachable by guessing its number.
"""

import mimetypes

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from playback.accel import file_response
from resources.models import FilmPage, PodcastEpisodePage
from resources.models.film import FilmCaption

# An hour: a file replaced or a page unpublished is gone from caches within the hour, and
# players revalidate with the ETag after that.
MAX_AGE = 60 * 60


def _published(model, page_id, **filters):
    page = model.objects.live().public().filter(pk=page_id, **filters).first()
    if page is None:
        raise Http404
    return page


def _media_response(request, media):
    content_type = mimetypes.guess_type(media.file.name)[0] or "application/octet-stream"
    try:
        # By the front door when it is there (X-Accel-Redirect), else with Django's Range.
        response = file_response(request, media.file, content_type)
    except FileNotFoundError:
        raise Http404 from None
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@require_safe
def audio(request, page_id, filename):
    episode = _published(PodcastEpisodePage, page_id, audio__isnull=False)
    return _media_response(request, episode.audio)


@require_safe
def video(request, page_id, filename):
    film = _published(FilmPage, page_id, video__isnull=False)
    return _media_response(request, film.video)


@require_safe
def captions(request, page_id, language):
    film = _published(FilmPage, page_id)
    caption = FilmCaption.objects.filter(film=film, language=language).first()
    if caption is None:
        raise Http404
    try:
        with caption.file.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise Http404 from None
    response = HttpResponse(data, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@require_safe
def transcript(request, page_id):
    page = _published(PodcastEpisodePage, page_id)
    if not page.transcript.strip():
        raise Http404
    return HttpResponse(
        f"{page.title}\n\n{page.transcript.strip()}\n", content_type="text/plain; charset=utf-8"
    )
