"""The patterns under /avspill/ (see resources/media_paths.py)."""

from django.urls import path

from resources import media_views

urlpatterns = [
    path("lyd/<int:page_id>/<str:filename>", media_views.audio, name="episode_audio"),
    path("film/<int:page_id>/<str:filename>", media_views.video, name="film_video"),
    path("teksting/<int:page_id>/<slug:language>.vtt", media_views.captions, name="film_captions"),
    path("transkripsjon/<int:page_id>.txt", media_views.transcript, name="transcript"),
]
