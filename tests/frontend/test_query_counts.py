"""Listing pages do the same number of queries with 5 items as with 50 (no N+1 per card)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from projects.models import ProjectPage
from resources import models as resources
from resources.registry import resource_type
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

# type slug -> (model, extra fields a live item needs)
LISTED = {
    "course": (resources.CoursePage, {"duration_minutes": 45, "course_format": "e-læring"}),
    "film": (resources.FilmPage, {"video_url": "https://video.example.org/f.mp4"}),
    "podcast_series": (resources.PodcastSeriesPage, {}),
    "article": (resources.ArticlePage, {}),
    "news": (resources.NewsPage, {}),
    "event": (resources.EventPage, {"location": "Hamar"}),
    "project": (ProjectPage, {"status": "aktiv"}),
    "theme": (resources.ThemePage, {}),
}


@pytest.fixture
def list_image(db):
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from builder.demo.content import placeholder_image

    image = get_image_model()(title="Listebilde", description="Sykepleier ved en seng")
    image.file = ImageFile(placeholder_image((46, 110, 142), size=(640, 360)), name="liste.png")
    image.save()
    return image


def add_items(index, type_slug, count, start, image, topics):
    model, extra = LISTED[type_slug]
    for number in range(start, start + count):
        fields = dict(extra)
        if type_slug == "event":
            fields["start"] = timezone.now() + datetime.timedelta(days=number + 1)
        if type_slug == "theme":
            fields["topic"] = TopicFactory(slug=f"tema-{number}", name=f"Tema {number}")
        page = model(
            title=f"{type_slug} {number}",
            slug=f"{type_slug.replace('_', '-')}-{number}",
            summary="Kort sammendrag.",
            image=image,
            live=True,
            **fields,
        )
        index.add_child(instance=page)
        page.topics.set(topics)
        page.areas.set([])


def queries_for(client, url):
    client.get(url)  # warm up: renditions and cached header/footer fragments
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("type_slug", sorted(LISTED))
def test_listing_query_count_does_not_grow_with_the_number_of_items(
    client, regions, topics, index_for, list_image, type_slug
):
    index = index_for(type_slug)
    assert index.slug == resource_type(type_slug).section_slug
    tags = list(topics.values())
    add_items(index, type_slug, 5, 0, list_image, tags)
    with_five = queries_for(client, index.url)
    add_items(index, type_slug, 45, 5, list_image, tags)
    with_fifty = queries_for(client, index.url)

    response = client.get(index.url)
    assert response.context["items"].paginator.count == 50
    assert with_fifty <= with_five, (
        f"{index.url}: {with_five} queries with 5 items, {with_fifty} with 50"
    )
