"""axe-core in headless Chromium: zero WCAG 2.1 A/AA violations on every page type, the
search page and a filtered listing, at phone (390 px) and desktop (1280 px) width.

axe.min.js is vendored from npm (tests/browser/vendor, scripts/refresh_frontend.sh): nothing is
downloaded at test time. One live server, one demo site and one browser serve the whole sweep.
"""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [390, 1280]


def demo_paths():
    """One page of every type from the demo content, plus search and a filtered listing."""
    from home.models import RegionPage, StandardPage
    from projects.models import ProjectPage
    from resources import models as resources

    def first(model):
        page = model.objects.live().filter(locale__language_code="nb").order_by("pk").first()
        assert page is not None, f"demo content has no {model.__name__}"
        return page.url

    return {
        "front page": "/",
        "region page": RegionPage.objects.live().get(slug="innlandet").url,
        "theme": first(resources.ThemePage),
        "course": first(resources.CoursePage),
        "podcast series": first(resources.PodcastSeriesPage),
        "podcast episode": first(resources.PodcastEpisodePage),
        "film": first(resources.FilmPage),
        "captioned film": resources.FilmPage.objects.get(slug="handhygiene-i-hjemmetjenesten").url,
        "film series": first(resources.FilmSeriesPage),
        "podcast series with seasons": resources.PodcastSeriesPage.objects.get(
            slug="helsepodden"
        ).url,
        "uploaded episode": resources.PodcastEpisodePage.objects.filter(audio__isnull=False)
        .first()
        .url,
        "article": first(resources.ArticlePage),
        # A photo credit under its image, "Kort fortalt" and the advice for municipalities.
        "research article": first(resources.ResearchArticlePage),
        "news": first(resources.NewsPage),
        "event": first(resources.EventPage),
        "event with registration": resources.EventPage.objects.get(registration_open=True).url,
        "project": first(ProjectPage),
        "competence network": first(resources.NetworkPage),
        "organisation": "/samarbeidspartnere/ahus/",
        "organisations": "/samarbeidspartnere/",
        "standard page": StandardPage.objects.live().get(slug="tilgjengelighetserklaering").url,
        "listing with filters": "/e-kurs/?topic=demens&audience=sykepleiere",
        "event listing, past": "/kurs-og-moteplasser/?tidligere=1",
        "search results": "/sok/?q=demens",
        "empty search": "/sok/",
        "nynorsk article": "/nn/fagartikler/nar-pasienten-ikke-klarer-a-svelge-tablettene/",
        "not found": "/finnes-ikke/",
    }


def axe_violations(page, frames=False):
    """axe's WCAG 2.1 A/AA violations on ``page``; ``frames=True`` checks the page's own
    (same-origin) frames too, as for a SCORM package in the player."""
    for frame in page.frames if frames else [page.main_frame]:
        # Evaluated, not added as a <script>: the pages' CSP refuses inline scripts.
        frame.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def test_every_page_type_has_no_wcag_21_aa_violations(browser, live_server):
    from builder.demo.content import load_demo_data

    load_demo_data(run_update_index=True)
    paths = demo_paths()
    failures = []
    checked = 0
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nb-NO")
        page = context.new_page()
        for name, path in paths.items():
            response = page.goto(live_server.url + path)
            expected = 404 if name == "not found" else 200
            assert response.status == expected, f"{name} {path}: HTTP {response.status}"
            for violation in axe_violations(page):
                failures.append(f"{width}px {name} {path}: {violation}")
            checked += 1
        if width == WIDTHS[-1]:
            # The sweep itself must be able to fail: a missing alt text and a nameless
            # button are reported.
            page.set_content(
                '<html lang="nb"><body><main><img src="x.png">'
                "<button></button></main></body></html>"
            )
            assert {v.split(" ", 1)[0] for v in axe_violations(page)} >= {
                "image-alt",
                "button-name",
            }
        context.close()
    assert checked == len(paths) * len(WIDTHS)
    assert failures == [], "\n".join(failures)
