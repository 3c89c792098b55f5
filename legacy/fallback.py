"""The old site's address forms answered by a page's slug, when nothing else answers them:
``/article/<slug>/`` and WordPress's root ``/<slug>/``.

Only after the normal 404 and Wagtail's redirects (legacy/middleware.py), so a real page or
an explicit redirect always wins. The slug is looked up among the site's published, public
resources in the default language, articles and news first, then every resource type; only a
slug that names exactly one page is followed. Two pages with the slug is a question only an
editor can answer (a redirect): the address stays a 404 and shows up in the 404 report.
"""

import re

from regions.locales import default_locale
from regions.slugs import norwegian_slug
from resources.models import ResourcePage
from resources.registry import model_for

FORMS = (
    re.compile(r"^/article/(?P<slug>[-\w]+)/?$"),
    re.compile(r"^/(?P<slug>[-\w]+)/?$"),
)
# The types an old article or news address most likely meant, tried before all the others.
FIRST_TYPES = ("article", "news")


def old_slug(path):
    """The slug in ``path`` if it has one of the old forms, else None."""
    for form in FORMS:
        match = form.match(path)
        if match:
            return match.group("slug")
    return None


def _only(queryset):
    """The one page of ``queryset`` (None for none, False for more than one)."""
    found = list(queryset[:2])
    if len(found) > 1:
        return False
    return found[0] if found else None


def page_for_slug(slug, site):
    """The one published, public resource on ``site`` the old ``slug`` names, or None."""
    # The old site's slugs may keep æøå ("pårørende"); the new ones transliterate them.
    slugs = {slug.lower(), norwegian_slug(slug)} - {""}
    pages = (
        ResourcePage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(locale=default_locale(), slug__in=slugs)
    )
    first = _only(pages.type(*(model_for(key) for key in FIRST_TYPES)))
    if first is None:
        first = _only(pages)
    return first or None
