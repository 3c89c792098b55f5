from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlaybackConfig(AppConfig):
    """Films and sound in the portal: serving media files so players can seek (HTTP Range),
    WebVTT captions, podcast feeds and reading a media file's length.

    It sits below resources (whose film and podcast pages use it) and above the ground floor;
    it knows no page class: the feed is built from plain data the podcast pages hand it.
    """

    name = "playback"
    verbose_name = _("Film og lyd")
