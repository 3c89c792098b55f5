"""Every page type renders in a few queries with a warm cache (its cached markup made again),
and a list with twice the items takes the same number of queries as with half (no query per
card, section or result). What
makes that possible routes as Wagtail does, and what is cached for it (sites, regions, private
pages) is forgotten when it changes."""

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

import pytest

from builder.demo.content import placeholder_image
from home.region_layout import default_layout
from regions import cached
from regions.models import Region
from resources.models import FilmSeriesPage, NetworkContact, NetworkMember
from tests import factories

pytestmark = pytest.mark.django_db

BUDGET = 15  # queries per page with a warm cache (issue 14)
PER_STEP = 1  # items added to each list's parents at each step: the lists double


@pytest.fixture
def list_image(db):
    image = get_image_model()(title="Listebilde", description="Sykepleier ved en seng")
    image.file = ImageFile(placeholder_image((46, 110, 142), size=(640, 360)), name="liste.png")
    image.save()
    return image


class Site:
    """A small site with every page type, growing by PER_STEP items per list at each step."""

    def __init__(self, regions, topics, index_for, image):
        self.ahus = regions["ahus"]
        self.index_for = index_for
        self.image = image
        self.demens = topics["demens"]
        # Every item is made by one organisation with another: its page lists them all.
        self.maker = factories.OrganisationFactory(name="Akershus universitetssykehus")
        self.partner = factories.OrganisationFactory(name="Lillestrøm kommune")
        self.series = factories.PodcastSeriesPageFactory(
            parent=index_for("podcast_series"), **self._fields()
        )
        self.film_series = index_for("film").add_child(
            instance=FilmSeriesPage(title="Simuleringsfilmer", slug="simuleringsfilmer")
        )
        self.film_series.save_revision().publish()
        self.theme = factories.ThemePageFactory(
            parent=index_for("theme"), topic=self.demens, **self._fields()
        )
        self.network = factories.NetworkPageFactory(
            parent=index_for("network", self.ahus), **self._fields()
        )
        self.step = 0
        self.first = {}

    def _fields(self, area=None):
        return {
            "summary": "Om demens for helsepersonell i kommuner og sykehus.",
            "image": self.image,
            "topics": [self.demens],
            "areas": [area] if area else [],
            "made_by": self.maker,
            "made_with": [self.partner],
        }

    def grow(self):
        """PER_STEP more items on every list: national ones (shared into Ahus at the first
        step) and Ahus's own courses, news and projects."""
        self.step += 1
        add = {
            factories.CoursePageFactory: [
                self.index_for("course"),
                self.index_for("course", self.ahus),
            ],
            factories.ArticlePageFactory: [self.index_for("article")],
            factories.ResearchArticlePageFactory: [
                self.index_for("research"),
                self.index_for("research", self.ahus),
            ],
            factories.NewsPageFactory: [self.index_for("news"), self.index_for("news", self.ahus)],
            factories.EventPageFactory: [self.index_for("event")],
            factories.FilmPageFactory: [self.index_for("film"), self.film_series],
            factories.PodcastEpisodePageFactory: [self.series],
            factories.ProjectPageFactory: [self.index_for("project", self.ahus)],
        }
        events = factories.EventPageFactory
        for factory, parents in add.items():
            for parent in parents:
                for _number in range(PER_STEP):
                    area = self.ahus if self.step == 1 and parent.depth == 3 else None
                    # Every event is one of the network's meetings.
                    extra = {"network": self.network} if factory is events else {}
                    page = factory(parent=parent, **self._fields(area), **extra)
                    self.first.setdefault(factory, page)
        for _number in range(PER_STEP):  # more theme pages, on other topics
            factories.ThemePageFactory(parent=self.index_for("theme"), **self._fields())
        # The editors' picks on the theme page and a list of them on the front page grow too.
        picks = list(self.first.values())[: 2 * PER_STEP * self.step]
        self.theme.featured = [("resource", page) for page in picks]
        self.theme.save_revision().publish()
        home = self.ahus.region_pages.get().get_parent().specific
        home.body = [("resource_list", {"title": "Utvalgt", "pages": picks})]
        home.save_revision().publish()
        # Ahus's region page: a profile, and the standard lists, the picks and a theme.
        region_page = self.ahus.region_pages.get().specific
        region_page.logo = self.image
        region_page.menu_links = [("link", {"label": "Om oss", "page": self.theme, "url": ""})]
        region_page.footer_links = [("link", {"label": "Kontakt", "url": "https://ahus.example"})]
        region_page.layout = [
            *((block["type"], block["value"]) for block in default_layout()),
            ("featured", {"title": "Utvalgt", "pages": picks}),
            ("theme", {"theme": self.theme, "count": 12, "title": ""}),
        ]
        region_page.save_revision().publish()
        # The network's members, contact people and picked resources grow too.
        for _number in range(PER_STEP):
            member = factories.OrganisationFactory()
            NetworkMember.objects.create(network=self.network, organisation=member)
            NetworkContact.objects.create(
                network=self.network, name="Kari Nordmann", organisation=member
            )
        self.network = type(self.network).objects.get(pk=self.network.pk)  # with its rows
        self.network.resources = [("resource", page) for page in picks]
        self.network.save_revision().publish()

    def pages(self):
        """{page type: URL}"""
        first = self.first
        return {
            "front page": "/",
            "region page": self.ahus.region_pages.get().url,
            "course list (region)": self.index_for("course", self.ahus).url,
            "course list": self.index_for("course").url,
            "course page": first[factories.CoursePageFactory].url,
            "article list": self.index_for("article").url,
            "article page": first[factories.ArticlePageFactory].url,
            "research list (region)": self.index_for("research", self.ahus).url,
            "research page": first[factories.ResearchArticlePageFactory].url,
            "theme list": self.index_for("theme").url,
            "theme page": self.theme.url,
            "podcast list": self.index_for("podcast_series").url,
            "podcast series": self.series.url,
            "podcast episode": first[factories.PodcastEpisodePageFactory].url,
            "film list": self.index_for("film").url,
            "film series": self.film_series.url,
            "film page": first[factories.FilmPageFactory].url,
            "event list": self.index_for("event").url,
            "event page": first[factories.EventPageFactory].url,
            "news list": self.index_for("news").url,
            "news page": first[factories.NewsPageFactory].url,
            "project list": self.index_for("project", self.ahus).url,
            "project page": first[factories.ProjectPageFactory].url,
            "network page": self.network.url,
            "organisation page": reverse("organisation", args=[self.maker.slug]),
            "organisation list": reverse("organisations"),
            "search page": "/sok/?q=demens",
            "search API": "/api/search/?q=demens",
        }


def queries_for(client, url):
    client.get(url)  # warm up: renditions and cached fragments, sites, regions, locales
    # The cached markup (sections, cards, menu) made again, as after a publish: what its
    # rendering queries is counted too, and must not grow with the lists.
    cached.bump_fragment_version()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


# The pages whose lists a visitor's area changes (its own items first), measured for a visitor
# in Ahus too.
BY_AREA = {
    "front page",
    "course list",
    "theme page",
    "organisation page",
    "search page",
    "search API",
}


def counts(client, site):
    """{(page type, visitor): queries} for a visitor without an area (and one in Ahus)."""
    found = {}
    for visitor in ("", "ahus"):
        client.cookies[settings.AREA_COOKIE_NAME] = visitor
        for name, url in site.pages().items():
            if name in BY_AREA or not visitor:
                found[name, visitor or "no area"] = queries_for(client, url)
    return found


def test_every_page_type_stays_within_budget_whatever_the_length_of_its_lists(
    client, regions, topics, index_for, list_image, django_capture_on_commit_callbacks
):
    site = Site(regions, topics, index_for, list_image)
    # Committed, as an editor's publishing is: the cached markup (sections, cards) expires.
    with django_capture_on_commit_callbacks(execute=True):
        site.grow()
    short = counts(client, site)
    with django_capture_on_commit_callbacks(execute=True):
        site.grow()
    long = counts(client, site)

    over = {page: n for page, n in long.items() if n > BUDGET}
    assert not over, f"more than {BUDGET} queries: {over}"
    grew = {page: (short[page], long[page]) for page in short if long[page] != short[page]}
    assert not grew, f"queries with {PER_STEP} and {2 * PER_STEP} items per list: {grew}"
    # The lists did grow: the theme page's picks and sections (every type is there), the
    # front page's sections and its list of picks.
    response = client.get(site.theme.url)
    # courses, news, films, research: in two lists
    twice, two_parents = 2 * PER_STEP, 4 * PER_STEP
    assert len(response.context["featured"]) == 4 * PER_STEP
    sections = {section["type"]: len(section["items"]) for section in response.context["sections"]}
    assert sections == {
        "course": two_parents,
        "film": two_parents,
        "podcast_episode": twice,
        "article": twice,
        "research": two_parents,
        "event": twice,
        "news": two_parents,
    }
    front = client.get("/").content.decode()
    picks = 4 * PER_STEP
    assert front.count('class="ds-card card') == two_parents + twice + two_parents + twice + picks
    # The region page's picks and theme grew too.
    layout = client.get(site.pages()["region page"]).context["layout"]()  # made lazily
    shown = {section["anchor"]: len(section["items"]) for section in layout}
    assert shown["section-featured"] == picks
    assert shown["section-theme"] >= 2 * twice
    # The network's lists and the organisation's page grew as well.
    network = client.get(site.network.url).context
    assert len(network["members"]) == len(network["contacts"]) == twice
    assert len(network["upcoming_meetings"]) == twice
    assert len(network["picked_resources"]) == picks
    # Everything was made by the same organisation: its page shows it all, a page at a time.
    url = reverse("organisation", args=[site.maker.slug])
    first_page = client.get(url)
    items, paginator = first_page.context["items"], first_page.context["items"].paginator
    assert paginator.num_pages > 1 and len(items) == paginator.per_page
    assert 'href="?page=2" rel="next"' in first_page.content.decode()
    last = client.get(url, {"page": paginator.num_pages}).context["items"]
    shown = {card.pk for card in items} | {card.pk for card in last}
    assert len(last) == paginator.count - paginator.per_page * (paginator.num_pages - 1)
    assert len(shown) == len(items) + len(last)  # no card on two pages


def wagtail_route(home_page, path):
    """(page id, args) that Wagtail's own walk down the tree gives for ``path`` (or 404)."""
    components = [part for part in path.split("/") if part]
    try:
        page, args, _kwargs = Page.route(home_page, RequestFactory().get(path), components)
    except Http404:
        return 404
    return page.pk, [getattr(arg, "__name__", arg) for arg in args]


def our_route(home_page, path):
    components = [part for part in path.split("/") if part]
    try:
        page, args, _kwargs = home_page.route(RequestFactory().get(path), components)
    except Http404:
        return 404
    return page.pk, [getattr(arg, "__name__", arg) for arg in args]


def test_the_front_page_routes_every_address_as_wagtails_walk_does(home_page, regions, index_for):
    news = index_for("news")
    article = factories.NewsPageFactory(parent=news, slug="fagdag")
    event = factories.EventPageFactory(parent=index_for("event", regions["ahus"]), slug="samling")
    series = factories.PodcastSeriesPageFactory(parent=index_for("podcast_series"), slug="podden")
    episode = factories.PodcastEpisodePageFactory(parent=series, slug="episode-1")
    hidden = index_for("article").add_child(
        instance=FilmSeriesPage(title="Upublisert", slug="upublisert", live=False)
    )
    below_hidden = factories.ArticlePageFactory(parent=hidden, slug="under")
    paths = [
        news.url,  # a list
        article.url,  # a page in it (the list routes some addresses itself)
        f"{news.url}page/2/",  # the list's own route
        f"{news.url}page/",  # not one of its routes, nor a page
        event.url,  # in a region
        f"{event.url}pamelding/",  # the event's own route
        f"{event.url}pamelding/ekstra/",
        f"{series.url}feed/",
        episode.url,  # below a page with routes of its own
        f"{episode.url}mer/",
        hidden.url,  # not live: not found
        f"{hidden.url}under/",  # below a page that is not live: found, as in Wagtail
        "/finnes-ikke/",
        f"{news.url}finnes-ikke/",
        "/ahus/finnes-ikke/lenger/ned/",
    ]
    assert below_hidden.live
    home = home_page.specific
    assert {path: our_route(home, path) for path in paths} == {
        path: wagtail_route(home, path) for path in paths
    }
    assert our_route(home, f"{event.url}pamelding/") == (event.pk, ["register", (), {}])


def test_a_new_restriction_hides_a_page_at_once_though_pages_were_cached(client, index_for):
    articles = index_for("article")
    article = factories.ArticlePageFactory(parent=articles, title="Kun for innloggede")
    assert client.get(article.url).status_code == 200  # the cache now says: nothing private
    assert "Kun for innloggede" in client.get(articles.url).content.decode()

    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(article.url).status_code == 302  # to the login page
    assert "Kun for innloggede" not in client.get(articles.url).content.decode()

    restriction.delete()
    assert client.get(article.url).status_code == 200
    assert "Kun for innloggede" in client.get(articles.url).content.decode()


def test_cached_regions_and_front_page_follow_changes_at_once(client, regions, home_page):
    assert ">Ahus<" in client.get("/").content.decode()  # regions and site now cached

    ahus = Region.objects.get(slug="ahus")
    ahus.name = "Akershus"
    ahus.save()
    home = home_page.specific
    home.title = "Kompetansebroen – ny forside"
    home.save_revision().publish()

    page = client.get("/").content.decode()
    assert '<option value="ahus">Akershus</option>' in page
    assert "<h1>Kompetansebroen – ny forside</h1>" in page
