"""``manage.py load_demo_data``: the demo site a trial user sees, built twice without harm."""

import datetime
import io

from django.core.management import call_command
from django.db.models import Sum

from wagtail.models import Page, Revision, Site

import pytest

from builder.tree import placeholder_presentation
from home.models import HomePage, RegionPage, SiteSettings, StandardPage
from projects.models import ProjectPage
from resources import models as resources
from tally.models import PageCount
from tests.conftest import shared_state

RESOURCE_TYPES = [
    resources.CoursePage,
    resources.PodcastSeriesPage,
    resources.PodcastEpisodePage,
    resources.FilmPage,
    resources.ArticlePage,
    resources.ResearchArticlePage,
    resources.NewsPage,
    resources.EventPage,
    resources.ThemePage,
    ProjectPage,
]


def load_demo_data():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module (it takes seconds, more on PostgreSQL)."""
    with pytest.MonkeyPatch.context() as monkeypatch, shared_state(django_db_blocker):
        monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
        yield load_demo_data()


@pytest.fixture
def demo_output(demo_site, db):
    return demo_site


@pytest.mark.django_db
def test_demo_data_has_live_pages_of_every_resource_type(demo_output):
    for model in RESOURCE_TYPES:
        assert model.objects.live().exists(), f"no live {model.__name__} in the demo data"
    assert resources.CoursePage.objects.live().count() >= 3
    assert resources.PodcastSeriesPage.objects.live().count() == 3  # two imported, Helsepodden


@pytest.mark.django_db
def test_demo_data_covers_national_content_and_every_region(demo_output):
    assert set(RegionPage.objects.values_list("slug", flat=True)) == {
        "ahus",
        "innlandet",
        "vestfold",
        "ostfold",
        "oslo",
    }
    resources_by_owner = resources.ResourcePage.objects.live().values_list(
        "owner_region__slug", flat=True
    )
    owners = set(resources_by_owner)
    assert None in owners  # national content
    assert len(owners - {None}) >= 3


@pytest.mark.django_db
def test_innlandet_project_lives_under_the_regions_project_index(demo_output, client):
    project = ProjectPage.objects.get(title="Sammen om barn som pårørende – Innlandet")

    assert project.url.startswith("/innlandet/prosjekter/")
    assert project.owner_region.slug == "innlandet"
    assert project.status == "aktiv"
    assert project.period == "2023–2026"
    partners = [block.value for block in project.partners]
    for partner in ["Sykehuset Innlandet", "Sel", "Lom", "Skjåk", "Gjøvik"]:
        assert any(partner in name for name in partners), partner
    assert any("EDI" in block.value for block in project.goals)

    response = client.get(project.url)
    assert response.status_code == 200
    assert "Sammen om barn som pårørende – Innlandet" in response.content.decode()


@pytest.mark.django_db
def test_shared_news_is_shown_in_other_regions(demo_output):
    news = resources.NewsPage.objects.get(source_id="demo-news-edi-barn")
    assert news.owner_region.slug == "innlandet"
    assert {"ahus", "vestfold", "ostfold"} <= {area.slug for area in news.areas.all()}


@pytest.mark.django_db
def test_demo_events_include_upcoming_and_past_events(demo_output):
    starts = [event.start.date() for event in resources.EventPage.objects.live()]
    cutoff = datetime.date(2026, 11, 24)
    assert any(start > cutoff for start in starts)
    assert any(start < cutoff for start in starts)


@pytest.mark.django_db
def test_standard_pages_exist_and_footer_settings_point_to_them(demo_output):
    home = HomePage.objects.get(locale__language_code="nb")
    pages = {page.slug: page for page in StandardPage.objects.child_of(home).live()}
    assert {"om-oss", "personvern", "tilgjengelighetserklaering"} <= set(pages)
    assert "informasjonskapsel" in str(pages["personvern"].body).lower()

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.about_page_id == pages["om-oss"].pk
    assert settings.privacy_page_id == pages["personvern"].pk
    assert settings.accessibility_page_id == pages["tilgjengelighetserklaering"].pk
    assert settings.contact_email


@pytest.mark.django_db
def test_front_page_and_region_pages_get_an_intro(demo_output):
    assert HomePage.objects.get(locale__language_code="nb").intro
    assert all(page.intro for page in RegionPage.objects.all())


@pytest.mark.django_db
def test_region_pages_get_a_demo_profile(demo_output, client):
    for page in RegionPage.objects.filter(locale__language_code="nb"):
        assert page.logo.description and page.footer_links, page.title
        assert page.contact_email.endswith("@kompetansebroen.example")
        assert page.intro != placeholder_presentation(page.region, "nb")
    innlandet = RegionPage.objects.get(slug="innlandet")
    html = client.get(innlandet.url).content.decode()
    assert 'id="section-featured"' in html and 'id="section-theme"' in html
    assert "Barn som pårørende" in html  # its menu link


@pytest.mark.django_db
def test_theme_pages_get_placeholder_images_with_alt_text(demo_output):
    themes = resources.ThemePage.objects.live().filter(image__isnull=False)
    assert themes.count() >= 4
    assert all(theme.image.description for theme in themes)


@pytest.mark.django_db
def test_second_run_changes_nothing(demo_output):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    counts = list(PageCount.objects.order_by("pk").values_list("pk", "count"))

    output = load_demo_data()

    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert list(PageCount.objects.order_by("pk").values_list("pk", "count")) == counts
    assert "passordet er uendret" in output


@pytest.mark.django_db
def test_admin_user_can_log_in_and_reach_the_admin(demo_output, client):
    assert "brukernavn admin, passord kompetansebroen" in demo_output
    assert client.login(username="admin", password="kompetansebroen")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_every_live_page_renders(demo_output, client):
    failures = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            failures.append(f"{page.url} ({type(page).__name__}): {response.status_code}")
    assert not failures, "pages that do not render:\n" + "\n".join(failures)


def test_demo_content_has_an_article_in_nynorsk_and_english(demo_output):
    from resources.models import ArticlePage

    titles = {
        page.locale.language_code: page.title
        for page in ArticlePage.objects.filter(source_id="demo-article-svelgevansker")
    }
    assert titles == {
        "nb": "Når pasienten ikke klarer å svelge tablettene",
        "nn": "Når pasienten ikkje klarer å svelgje tablettane",
        "en": "When the patient cannot swallow tablets",
    }


@pytest.mark.django_db
def test_demo_old_addresses_redirect_and_fill_the_404_report(demo_output, client, admin_client):
    article = resources.ArticlePage.objects.get(
        source_id="demo-article-svelgevansker", locale__language_code="nb"
    )
    response = client.get("/article/svelgevansker-og-tabletter/")
    assert (response.status_code, response["Location"]) == (301, article.url)
    report = admin_client.get("/admin/reports/not-found/").content.decode()
    assert "/article/demensomsorg-i-hjemmet" in report


@pytest.mark.django_db
def test_demo_has_research_photo_credits_and_items_due_for_review_in_every_team(demo_output):
    from resources.review import due_by

    research = resources.ResearchArticlePage.objects.live()
    assert {page.owner_region_id is None for page in research} == {True, False}
    assert all(page.image_id and page.image_credit for page in research)
    assert resources.ThemePage.objects.live().exclude(image_credit="").count() >= 4
    due = resources.ResourcePage.objects.live().due_for_review(due_by())
    owners = {page.owner_region.slug if page.owner_region else None for page in due}
    assert owners >= {None, "ahus", "innlandet", "ostfold", "vestfold"}
    reviewed = resources.ArticlePage.objects.filter(source_id="demo-article-svelgevansker")
    assert all(page.last_reviewed for page in reviewed)  # the translations too


@pytest.mark.django_db
def test_demo_usage_figures_fill_the_report(demo_output, client):
    assert "bruksstatistikk:" in demo_output
    assert PageCount.objects.aggregate(total=Sum("count"))["total"] > 0
    assert client.login(username="admin", password="kompetansebroen")
    report = client.get("/admin/bruksstatistikk/", {"omrade": "innlandet"})
    assert report.status_code == 200
    assert 'data-usage-table="top"' in report.content.decode()
