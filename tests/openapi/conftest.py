"""Content for the open API's tests: one published resource of each type, spread over areas,
topics and audiences, and what must never show (a draft, a page with a view restriction, a page
under one, images and documents in a private collection)."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
import wagtail_factories

from builder.tree import ensure_home_page, ensure_index_page
from tests.conftest import ensure_wagtail_baseline, shared_state
from tests.factories import (
    ArticlePageFactory,
    AudienceFactory,
    CoursePageFactory,
    EventPageFactory,
    FilmPageFactory,
    NewsPageFactory,
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    ProjectPageFactory,
    RegionFactory,
    ResearchArticlePageFactory,
    ThemePageFactory,
    TopicFactory,
)

REGIONS = {"ahus": "Ahus", "innlandet": "Innlandet", "oslo": "Oslo"}
TOPICS = ["demens", "legemidler"]
AUDIENCES = ["sykepleiere"]


def build_content(regions):
    demens = TopicFactory(slug="demens", name="Demens")
    legemidler = TopicFactory(slug="legemidler", name="Legemidler")
    sykepleiere = AudienceFactory(slug="sykepleiere", name="Sykepleiere")
    root = Collection.get_first_root_node()
    private_collection = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    image = wagtail_factories.ImageFactory(title="Sykepleier", collection=root)
    innlandet = regions["innlandet"]
    series = PodcastSeriesPageFactory(
        parent=ensure_index_page("podcast_series"), title="Helsepodden", author="Kompetansebroen"
    )
    pages = {
        "course": CoursePageFactory(
            parent=ensure_index_page("course"),
            title="Legemiddelhåndtering",
            topics=[legemidler],
            audiences=[sykepleiere],
            image=image,
            course_url="https://laering.example.org/kurs/1",
            image_credit="Foto: Kari",
            last_reviewed=datetime.date(2025, 2, 1),
        ),
        "event": EventPageFactory(
            parent=ensure_index_page("event", innlandet),
            title="Fagdag om demens",
            topics=[demens],
            date=datetime.date(2025, 4, 1),
        ),
        "film": FilmPageFactory(parent=ensure_index_page("film"), title="Blodtrykksmåling"),
        "podcast_series": series,
        "podcast_episode": PodcastEpisodePageFactory(
            parent=series, title="Om delirium", topics=[demens], season_number=2
        ),
        "article": ArticlePageFactory(
            parent=ensure_index_page("article", regions["ahus"]),
            title="Demens i sykehjem",
            topics=[demens],
            areas=[innlandet],
            date=datetime.date(2025, 5, 1),
        ),
        "news": NewsPageFactory(parent=ensure_index_page("news"), title="Ny veileder"),
        "theme": ThemePageFactory(parent=ensure_index_page("theme"), topic=demens),
        "project": ProjectPageFactory(
            parent=ensure_index_page("project", innlandet), title="Sammen om barn"
        ),
        "research": ResearchArticlePageFactory(
            parent=ensure_index_page("research"), title="Legemiddelgjennomgang"
        ),
    }
    draft = CoursePageFactory(parent=ensure_index_page("course"), title="Utkast", live=False)
    private = ArticlePageFactory(parent=ensure_index_page("article"), title="Passordside")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    members_only = ensure_index_page("news", regions["oslo"])
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    under_private = NewsPageFactory(parent=members_only, title="Internt nytt")
    return {
        "pages": pages,
        "hidden": {"draft": draft, "private": private, "under_private": under_private},
        "image": image,
        "private_image": wagtail_factories.ImageFactory(
            title="Internt bilde", collection=private_collection
        ),
        "document": Document.objects.create(
            title="Veileder", file=ContentFile(b"%PDF-1.4 veileder", name="veileder.pdf")
        ),
        "private_document": Document.objects.create(
            title="Internt notat",
            collection=private_collection,
            file=ContentFile(b"%PDF-1.4 intern", name="intern.pdf"),
        ),
    }


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """Built once for a module (three regions, not the five of ``regions``: a region brings
    its pages, team and workflow); each test runs in a savepoint inside it."""
    with shared_state(django_db_blocker):
        ensure_wagtail_baseline()
        ensure_home_page()
        regions = {slug: RegionFactory(slug=slug, name=name) for slug, name in REGIONS.items()}
        yield build_content(regions)
