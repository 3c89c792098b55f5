"""The Content-Security-Policy in headless Chromium: the main pages, a film with a YouTube
player, the admin (login, dashboard, page editor) and the site as a logged-in editor sees it
(Wagtail's userbar) run without a single CSP violation, and the browser fetches nothing from
any other site except the film's player.

Violations are collected as the browser reports them: ``securitypolicyviolation`` events
(recorded by a script the browser runs before the page's own) and its console errors.
"""

from urllib.parse import urlsplit

from django.utils import timezone

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
        `(${event.sourceFile || 'page'}:${event.lineNumber})`
    );
});
"""

# What YouTube's oEmbed answers for a video, as Wagtail stores it in its embed cache.
YOUTUBE_URL = "https://www.youtube.com/watch?v=Q9z0qOZiwUQ"
YOUTUBE_PLAYER = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/Q9z0qOZiwUQ'
    '?feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; '
    'encrypted-media; gyroscope; picture-in-picture; web-share" '
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>'
)


def film_with_a_youtube_player():
    """A demo film moved to YouTube, its player in Wagtail's embed cache (no network)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from resources.models import FilmPage

    film = FilmPage.objects.live().filter(video__isnull=True).order_by("pk").first()
    film.video_url = YOUTUBE_URL
    film.save()
    Embed.objects.create(
        url=YOUTUBE_URL,
        hash=get_embed_hash(YOUTUBE_URL),
        type="video",
        html=YOUTUBE_PLAYER,
        provider_name="YouTube",
        width=200,
        height=113,
        last_updated=timezone.now(),
    )
    return film.url


def main_paths():
    from home.models import RegionPage
    from resources.models import ArticlePage, CoursePage

    def first(model):
        return model.objects.live().filter(locale__language_code="nb").order_by("pk").first().url

    return {
        "front page": "/",
        "region page": RegionPage.objects.live().get(slug="innlandet").url,
        "listing": "/e-kurs/?topic=demens",
        "article": first(ArticlePage),
        "course": first(CoursePage),
        "search results": "/sok/?q=demens",
        "film with a YouTube player": film_with_a_youtube_player(),
        "not found": "/finnes-ikke/",
    }


class Visitor:
    """One browser context that records CSP violations and every address it fetches."""

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.fetched = []
        self.context.on("request", lambda request: self.fetched.append(request.url))
        self.page = self.context.new_page()
        self.console = []
        self.page.on(
            "console",
            lambda message: (
                self.console.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )

    def violations(self, name, path):
        """Open ``path`` and return the violations it caused, each named for the report."""
        self.console.clear()
        response = self.page.goto(self.base_url + path)
        assert response.status in (200, 404), f"{name} {path}: HTTP {response.status}"
        return self.reported(name)

    def reported(self, name):
        self.page.wait_for_load_state("load")
        found = self.page.evaluate("() => window.__cspViolations") + self.console
        return [f"{name}: {violation}" for violation in found]

    def other_sites(self):
        own = urlsplit(self.base_url).netloc
        return sorted(
            {
                f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
                for url in self.fetched
                if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
            }
        )


def test_the_main_pages_and_the_admin_run_under_the_csp(browser, live_server):
    from builder.demo.content import DEFAULT_ADMIN_PASSWORD, load_demo_data

    load_demo_data(run_update_index=False)  # the import indexes what it imports
    visitor = Visitor(browser, live_server.url)
    violations = []
    for name, path in main_paths().items():
        violations += visitor.violations(name, path)
        if name == "film with a YouTube player":
            player = visitor.page.locator(".media__embed iframe")
            assert player.get_attribute("src").startswith("https://www.youtube.com/embed/")
    assert visitor.other_sites() == ["https://www.youtube.com"]  # the film's player only

    # The check itself must be able to fail: an inline script is reported.
    visitor.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = '1';"
        " document.body.append(s); }"
    )
    assert visitor.reported("probe")[0].startswith("probe: script-src-elem blocked inline")

    editor = Visitor(browser, live_server.url)
    violations += editor.violations("admin login", "/admin/login/")
    editor.page.locator("input[name=username]").fill("admin")
    editor.page.locator("input[name=password]").fill(DEFAULT_ADMIN_PASSWORD)
    editor.page.locator("form button[type=submit]").click()
    editor.page.wait_for_url(live_server.url + "/admin/")
    violations += editor.reported("admin dashboard")
    from resources.models import ArticlePage

    article = ArticlePage.objects.live().order_by("pk").first()
    violations += editor.violations("page editor", f"/admin/pages/{article.pk}/edit/")
    assert editor.page.locator("#id_title").input_value() == article.title
    from resources.models import NetworkPage

    network = NetworkPage.objects.live().order_by("pk").first()
    violations += editor.violations("network editor", f"/admin/pages/{network.pk}/edit/")
    violations += editor.violations("organisations", "/admin/snippets/partners/organisation/")
    violations += editor.violations(
        "organisation editor", "/admin/snippets/partners/organisation/add/"
    )
    violations += editor.violations("front page with the userbar", "/")
    assert editor.page.locator("wagtail-userbar").count() == 1
    assert editor.other_sites() == []

    assert violations == [], "\n".join(violations)
