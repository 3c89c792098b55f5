"""Editors create, save as draft and publish every page type through the real Wagtail admin."""

import datetime

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from builder.tree import ensure_home_page, ensure_index_page, ensure_region_page
from home.models import HomePage, RegionPage, StandardPage
from projects.models import ProjectIndexPage, ProjectPage
from resources import models as m
from tests.factories import (
    AudienceFactory,
    PodcastSeriesPageFactory,
    RegionFactory,
    TopicFactory,
)


def body():
    return streamfield(
        [
            ("heading", {"text": "Om ressursen", "level": "h2"}),
            ("paragraph", rich_text("<p>Nyttig innhold for helsepersonell.</p>")),
        ]
    )


class AdminEditingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()
        cls.region = RegionFactory(slug="innlandet", name="Innlandet")
        cls.region_page = ensure_region_page(cls.region)
        cls.topic = TopicFactory(slug="demens", name="Demens")
        cls.audience = AudienceFactory(slug="sykepleiere", name="Sykepleiere")

    def setUp(self):
        self.user = self.login()

    def resource_data(self, title, areas=(), **extra):
        data = nested_form_data(
            {
                "title": title,
                "summary": "Kort sammendrag for lister og søk.",
                "date": "2025-05-01",
                "body": body(),
                **extra,
            }
        )
        # Many-to-many choices are posted as repeated keys, not nested form data.
        data.update(
            topics=[self.topic.pk], audiences=[self.audience.pk], areas=[r.pk for r in areas]
        )
        return data

    def create_draft_then_publish(self, parent, model, data):
        """Posting a valid form creates a draft; publishing from the edit view makes it live."""
        before = model.objects.count()
        self.assertCanCreate(parent, model, data, publish=False)
        self.assertEqual(model.objects.count(), before + 1)
        page = model.objects.order_by("pk").last()
        self.assertFalse(page.live, "saving a new page must create a draft")
        self.assertEqual(self.client.get(page.url).status_code, 404)

        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        response = self.client.post(edit_url, {**data, "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(self.client.get(page.url).status_code, 200)
        # The helper re-saves the instance it is given, so hand it a copy.
        self.assertPageIsEditable(model.objects.get(pk=page.pk), post_data=data)
        self.client.force_login(self.user)  # the helper logs out when done
        return model.objects.get(pk=page.pk)

    def test_course_page(self):
        page = self.create_draft_then_publish(
            ensure_index_page("course", self.region),
            m.CoursePage,
            self.resource_data(
                "Legemiddelhåndtering",
                course_format="e-læring",
                duration_minutes="120",
                provider="Kompetansebroen",
                has_exam="on",
                course_url="https://kurs.example.org/legemidler",
                delivery="ekstern",
                exam_questions=streamfield([]),
                pass_mark="80",
                shuffle_questions="on",
            ),
        )
        self.assertEqual(page.owner_region, self.region)
        self.assertEqual(list(page.topics.all()), [self.topic])

    def test_article_page(self):
        self.create_draft_then_publish(
            ensure_index_page("article"), m.ArticlePage, self.resource_data("Når mor blir syk")
        )

    def test_news_page_shared_with_another_area(self):
        oslo = RegionFactory(slug="oslo", name="Oslo")
        page = self.create_draft_then_publish(
            ensure_index_page("news", self.region),
            m.NewsPage,
            self.resource_data("Ny nettverkssamling", areas=[oslo]),
        )
        self.assertEqual([r.slug for r in page.shown_in_areas()], ["innlandet", "oslo"])

    def test_film_page(self):
        self.create_draft_then_publish(
            ensure_index_page("film"),
            m.FilmPage,
            self.resource_data(
                "Slik måler du blodtrykk",
                video_url="https://video.example.org/blodtrykk.mp4",
                duration_seconds="420",
                has_captions="on",
                captions=inline_formset([]),
                transcript="Pasienten skal sitte i ro.",
            ),
        )

    def test_podcast_series_and_episode(self):
        index = ensure_index_page("podcast_series")
        series = self.create_draft_then_publish(
            index,
            m.PodcastSeriesPage,
            self.resource_data("Pillepraten", category="Health & Fitness/Medicine"),
        )
        self.create_draft_then_publish(
            series,
            m.PodcastEpisodePage,
            self.resource_data(
                "Episode 1: Multidose",
                season_number="2",
                episode_number="1",
                duration_seconds="1800",
                audio_url="https://media.example.org/pillepraten-1.mp3",
                guests=streamfield([("item", "farmasøyt")]),
            ),
        )

    def test_event_page(self):
        start = datetime.datetime(2027, 3, 10, 9, 0)
        self.create_draft_then_publish(
            ensure_index_page("event", self.region),
            m.EventPage,
            self.resource_data(
                "Fagdag om demens",
                start=start.strftime("%Y-%m-%d %H:%M"),
                end=(start + datetime.timedelta(hours=6)).strftime("%Y-%m-%d %H:%M"),
                location="Gjøvik",
                registration_deadline="2027-03-01",
                capacity="80",
                organiser="Sykehuset Innlandet",
            ),
        )

    def test_theme_page(self):
        page = self.create_draft_then_publish(
            ensure_index_page("theme"),
            m.ThemePage,
            self.resource_data("Demens", topic=self.topic.pk, featured=streamfield([])),
        )
        self.assertEqual(page.topic, self.topic)

    def test_project_page(self):
        self.create_draft_then_publish(
            ensure_index_page("project", self.region),
            ProjectPage,
            self.resource_data(
                "Sammen om barn som pårørende – Innlandet",
                status="aktiv",
                start_year="2023",
                end_year="2026",
                partners=streamfield([("item", "Sel kommune"), ("item", "Lom kommune")]),
                goals=streamfield([("item", "Felles kompetansenettverk")]),
            ),
        )

    def test_standard_page(self):
        self.create_draft_then_publish(
            self.home,
            StandardPage,
            nested_form_data({"title": "Om oss", "intro": "Hvem vi er.", "body": body()}),
        )

    def test_region_page(self):
        # A new region gets its front page automatically; editors can recreate a removed one.
        region = RegionFactory(slug="vestfold", name="Vestfold")
        RegionPage.objects.get(region=region).delete()
        page = self.create_draft_then_publish(
            self.home,
            RegionPage,
            nested_form_data(
                {
                    "title": "Vestfold",
                    "region": region.pk,
                    "intro": rich_text(""),
                    "body": body(),
                    # The profile: the standard layout and no local links.
                    "layout": streamfield([]),
                    "menu_links": streamfield([]),
                    "footer_links": streamfield([]),
                }
            ),
        )
        self.assertEqual(page.region, region)

    def test_index_pages(self):
        for model, parent in [
            (m.CourseIndexPage, self.home),
            (m.NewsIndexPage, self.home),
            (ProjectIndexPage, self.home),
        ]:
            with self.subTest(model=model.__name__):
                self.create_draft_then_publish(
                    parent,
                    model,
                    nested_form_data(
                        {"title": f"Oversikt {model.__name__}", "intro": rich_text("")}
                    ),
                )

    def test_a_region_has_one_list_per_type(self):
        self.assertFalse(m.NewsIndexPage.can_create_at(self.region_page))
        url = reverse(
            "wagtailadmin_pages:add", args=["resources", "newsindexpage", self.region_page.pk]
        )
        response = self.client.post(url, nested_form_data({"title": "Aktuelt 2", "slug": "a2"}))
        self.assertNotEqual(response.status_code, 200)
        self.assertEqual(m.NewsIndexPage.objects.child_of(self.region_page).count(), 1)

    def test_invalid_event_dates_show_field_errors_and_create_nothing(self):
        index = ensure_index_page("event")
        url = reverse("wagtailadmin_pages:add", args=["resources", "eventpage", index.pk])
        data = self.resource_data(
            "Feil datoer", slug="feil-datoer", start="2027-03-10 09:00", end="2027-03-09 09:00"
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("end", response.context["form"].errors)
        self.assertFalse(m.EventPage.objects.filter(slug="feil-datoer").exists())

    def test_episode_without_audio_is_refused(self):
        series = PodcastSeriesPageFactory(parent=ensure_index_page("podcast_series"))
        url = reverse("wagtailadmin_pages:add", args=["resources", "podcastepisodepage", series.pk])
        data = self.resource_data("Uten lyd", slug="uten-lyd", guests=streamfield([]))
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("audio_url", response.context["form"].errors)


class PageTreeRulesTests(WagtailPageTestCase):
    """Editors can only create pages where they belong."""

    def test_front_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                RegionPage,
                StandardPage,
                m.ThemeIndexPage,
                m.CourseIndexPage,
                m.PodcastIndexPage,
                m.FilmIndexPage,
                m.ArticleIndexPage,
                m.ResearchIndexPage,
                m.NewsIndexPage,
                m.EventIndexPage,
                m.NetworkIndexPage,
                ProjectIndexPage,
            },
        )

    def test_index_pages_hold_only_their_type(self):
        self.assertAllowedSubpageTypes(m.CourseIndexPage, {m.CoursePage})
        self.assertAllowedSubpageTypes(m.NewsIndexPage, {m.NewsPage})
        self.assertAllowedSubpageTypes(m.PodcastIndexPage, {m.PodcastSeriesPage})
        self.assertAllowedSubpageTypes(m.PodcastSeriesPage, {m.PodcastEpisodePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})

    def test_resources_cannot_be_created_outside_their_index(self):
        self.assertCanNotCreateAt(RegionPage, m.CoursePage)
        self.assertCanNotCreateAt(m.NewsIndexPage, m.CoursePage)
        self.assertCanNotCreateAt(m.CourseIndexPage, m.NewsPage)
        self.assertAllowedParentPageTypes(m.ThemeIndexPage, {HomePage})

    def test_resource_base_is_not_creatable(self):
        self.assertFalse(m.ResourcePage.is_creatable)
        self.assertNotIn(m.ResourcePage, Page.creatable_subpage_models())
