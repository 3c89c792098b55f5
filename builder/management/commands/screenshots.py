"""Save PNG screenshots of the main pages at phone and desktop width, and optionally print
what each page costs to load (requests and bytes over the wire, measured in Chromium).

Serves the site from this process (Django's threaded WSGI server with static files), so it
works against whatever database the settings point at: run load_demo_data first.
Needs Playwright (requirements-dev.txt) and Debian's chromium (or CHROMIUM_PATH).
"""

import os
import shutil
import threading
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application

from home.models import RegionPage
from projects.models import ProjectPage
from resources import models as resources

WIDTHS = {"phone": 390, "desktop": 1280}


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main_pages():
    """(name, path) of the pages worth a look: front page, a region, one page per type."""
    pages = [("forside", "/"), ("sok", "/sok/?q=demens")]
    region = RegionPage.objects.live().order_by("path").first()
    if region:
        pages.append(("omrade", region.url))
    for name, model in [
        ("e-kurs-liste", resources.CourseIndexPage),
        ("fagtema", resources.ThemePage),
        ("e-kurs", resources.CoursePage),
        ("podkastepisode", resources.PodcastEpisodePage),
        ("film", resources.FilmPage),
        ("fagartikkel", resources.ArticlePage),
        ("arrangement", resources.EventPage),
        ("prosjekt", ProjectPage),
    ]:
        page = model.objects.live().filter(locale__language_code="nb").order_by("path").first()
        if page:
            pages.append((name, page.url))
    return pages


class Command(BaseCommand):
    help = "Save PNG screenshots of the main pages at phone and desktop width."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="docs/screenshots", help="folder for the PNGs")
        parser.add_argument(
            "--measure",
            action="store_true",
            help="also print requests and transfer size of each page (cold cache)",
        )

    def handle(self, *args, output, measure, **options):
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise CommandError(
                "Playwright is missing: pip install -r requirements-dev.txt"
            ) from error
        chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
        if not chromium:
            raise CommandError("Chromium is missing: sudo apt-get install chromium")
        pages = main_pages()
        if len(pages) < 3:
            raise CommandError("No content: run python manage.py load_demo_data first")

        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
        app = get_wsgi_application()
        # After collectstatic, WhiteNoise serves the hashed, compressed files as in
        # production; otherwise Django's finder-based handler serves the source files.
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        server.set_app(app if manifest.exists() else StaticFilesHandler(app))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, headless=True, args=["--no-sandbox"]
                )
                for label, width in WIDTHS.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, locale="nb-NO"
                    )
                    page = context.new_page()
                    for name, path in pages:
                        page.goto(base + path, wait_until="networkidle")
                        target = folder / f"{name}-{label}.png"
                        page.screenshot(path=str(target), full_page=True)
                        self.stdout.write(f"{target}")
                    context.close()
                if measure:
                    for name, path in pages:
                        self.stdout.write(self.measure(browser, base + path, name))
                browser.close()
        finally:
            server.shutdown()

    def measure(self, browser, url, name):
        """Requests and encoded (over-the-wire) bytes of one cold page load, via CDP."""
        context = browser.new_context(viewport={"width": 390, "height": 900})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        sizes = {}
        cdp.on(
            "Network.loadingFinished",
            lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]),
        )
        page.goto(url, wait_until="networkidle")
        context.close()
        return f"{name:16} {len(sizes):3d} requests {sum(sizes.values()) / 1024:8.1f} KiB  {url}"
