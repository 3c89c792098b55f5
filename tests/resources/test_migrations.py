"""Data migrations keep what editors made: an episode whose sound was uploaded as a document
before wagtailmedia keeps its sound as a media item (resources 0005)."""

from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("resources", "0004_course_delivery")]
AFTER = [("resources", "0005_films_and_podcasts")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_an_episodes_uploaded_document_becomes_its_media_item():
    old = migrate(BEFORE)
    Document = old.get_model("wagtaildocs", "Document")
    Collection = old.get_model("wagtailcore", "Collection")
    Episode = old.get_model("resources", "PodcastEpisodePage")
    ContentType = old.get_model("contenttypes", "ContentType")
    kind, _created = ContentType.objects.get_or_create(
        app_label="resources", model="podcastepisodepage"
    )
    document = Document(title="Episode 1", collection=Collection.objects.get(depth=1))
    document.file.save("episode-1.mp3", ContentFile(b"ID3 lyd"), save=True)
    episode = Episode.objects.create(
        title="Episode 1",
        slug="episode-1",
        path="00019999",
        depth=2,
        locale=old.get_model("wagtailcore", "Locale").objects.first(),
        content_type=kind,
        summary="En episode.",
        audio_file=document,
        duration_seconds=1860,
    )

    new = migrate(AFTER)
    episode = new.get_model("resources", "PodcastEpisodePage").objects.get(pk=episode.pk)
    media = new.get_model("wagtailmedia", "Media").objects.get(pk=episode.audio_id)
    assert (media.title, media.type, media.duration) == ("Episode 1", "audio", 1860)
    assert media.file.read() == b"ID3 lyd"
    assert media.file.name != document.file.name  # a copy: deleting the document keeps it
