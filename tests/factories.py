"""Factories for test content (wagtail-factories). Pages need ``parent=`` (an index page)."""

import datetime

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import RegionPage, StandardPage
from partners.models import Organisation
from projects.models import ProjectPage
from regions.models import Region
from regions.slugs import norwegian_slug
from resources import models as resources


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug", "locale")

    slug = factory.Sequence(lambda n: f"omrade-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.capitalize())
    description = "Sykehuset og kommunene i området."
    locale = factory.LazyFunction(Locale.get_default)


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = resources.Topic
        django_get_or_create = ("slug", "locale")

    slug = factory.Sequence(lambda n: f"tema-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())
    locale = factory.LazyFunction(Locale.get_default)


class AudienceFactory(TopicFactory):
    class Meta:
        model = resources.Audience
        django_get_or_create = ("slug", "locale")

    slug = factory.Sequence(lambda n: f"malgruppe-{n}")


class OrganisationFactory(DjangoModelFactory):
    """An organisation; ``regions`` takes a list."""

    class Meta:
        model = Organisation
        django_get_or_create = ("slug", "locale")
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisasjon {n}")
    slug = factory.LazyAttribute(lambda o: norwegian_slug(o.name))
    kind = "kommune"
    locale = factory.LazyFunction(Locale.get_default)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)


class RegionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = RegionPage

    title = factory.LazyAttribute(lambda o: o.region.name)
    slug = factory.LazyAttribute(lambda o: o.region.slug)
    region = factory.SubFactory(RegionFactory)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "Om oss"
    intro = "Kompetansebroen er en portal for kompetansedeling."


class ResourcePageFactory(wagtail_factories.PageFactory):
    """Shared fields of every resource; ``topics``/``audiences``/``areas`` take lists."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ressurs {n}")
    slug = factory.LazyAttribute(lambda o: norwegian_slug(o.title))
    summary = "En kort og presis oppsummering av ressursen."
    date = datetime.date(2025, 3, 1)
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "Om ressursen", "level": "h2"}),
            ("paragraph", "<p>Innhold for helsepersonell i kommuner og sykehus.</p>"),
        ]
    )

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def made_with(self, create, extracted, **kwargs):
        if create and extracted:
            self.made_with.set(extracted)

    @factory.post_generation
    def revision(self, create, extracted, **kwargs):
        """Publish through a revision, as the importer and editors do (a draft stays a draft)."""
        if create:
            revision = self.save_revision()
            if self.live:
                revision.publish()


class CoursePageFactory(ResourcePageFactory):
    class Meta:
        model = resources.CoursePage

    title = factory.Sequence(lambda n: f"Kurs i legemiddelhåndtering {n}")
    duration_minutes = 90
    provider = "Kompetansebroen"
    course_format = "e-læring"
    has_exam = True


class ArticlePageFactory(ResourcePageFactory):
    class Meta:
        model = resources.ArticlePage

    title = factory.Sequence(lambda n: f"Fagartikkel {n}")


class ResearchArticlePageFactory(ResourcePageFactory):
    class Meta:
        model = resources.ResearchArticlePage

    title = factory.Sequence(lambda n: f"Forskningsartikkel {n}")
    authors = factory.LazyFunction(lambda: [("item", "Kari Nordmann"), ("item", "Ola Hansen")])
    institution = "USHT Innlandet"
    publication = "Sykepleien Forskning"
    publication_year = 2024
    doi = "10.4220/Sykepleienf.2024.96215"
    practice_summary = "Faste rutiner for legemiddelgjennomgang ga færre feil i hjemmetjenesten."
    implementation_notes = "<p>Sett av tid til gjennomgang hver tredje måned.</p>"


class NewsPageFactory(ResourcePageFactory):
    class Meta:
        model = resources.NewsPage

    title = factory.Sequence(lambda n: f"Nyhet {n}")


class FilmPageFactory(ResourcePageFactory):
    class Meta:
        model = resources.FilmPage

    title = factory.Sequence(lambda n: f"Film {n}")
    video_url = "https://video.example.org/film.mp4"
    duration_seconds = 420
    has_captions = True
    transcript = "Før du måler blodtrykket, bør pasienten sitte i ro."


class PodcastSeriesPageFactory(ResourcePageFactory):
    class Meta:
        model = resources.PodcastSeriesPage

    title = factory.Sequence(lambda n: f"Podkastserie {n}")


class PodcastEpisodePageFactory(ResourcePageFactory):
    class Meta:
        model = resources.PodcastEpisodePage

    title = factory.Sequence(lambda n: f"Episode {n}")
    episode_number = factory.Sequence(lambda n: n + 1)
    duration_seconds = 1860
    audio_url = "https://media.example.org/podkast/episode.mp3"
    guests = factory.LazyFunction(lambda: [("item", "kommuneoverlege")])


class EventPageFactory(ResourcePageFactory):
    class Meta:
        model = resources.EventPage

    title = factory.Sequence(lambda n: f"Fagdag {n}")
    start = factory.LazyFunction(
        lambda: datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    location = "Digitalt (Teams)"
    online = True
    organiser = "Kompetansebroen"


class NetworkPageFactory(ResourcePageFactory):
    """A competence network; ``members`` and ``contacts`` take lists of NetworkMember and
    NetworkContact (unsaved)."""

    class Meta:
        model = resources.NetworkPage

    title = factory.Sequence(lambda n: f"Kompetansenettverk {n}")
    purpose = "<p>Nettverket deler erfaringer og lager felles rutiner for smittevern.</p>"


class ThemePageFactory(ResourcePageFactory):
    class Meta:
        model = resources.ThemePage

    title = factory.LazyAttribute(lambda o: o.topic.name)
    topic = factory.SubFactory(TopicFactory)


class ProjectPageFactory(ResourcePageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Prosjekt {n}")
    status = "aktiv"
    start_year = 2023
    end_year = 2026
    partners = factory.LazyFunction(lambda: [("item", "Sykehuset Innlandet")])
    goals = factory.LazyFunction(lambda: [("item", "Felles kompetansenettverk")])
