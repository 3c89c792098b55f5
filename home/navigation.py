"""The main menu and footer links, per language and area, and the version key that expires
their cached template fragments whenever content or site settings change."""

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from resources.registry import menu_types
from resources.sections import section_urls

FRAGMENT_VERSION_KEY = "kb:fragment-version"


def fragment_version():
    """A number that changes whenever the cached header/footer fragments may be stale."""
    version = cache.get(FRAGMENT_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(FRAGMENT_VERSION_KEY, version, None)
    return version


def _bump_fragment_version():
    try:
        cache.incr(FRAGMENT_VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value is a fresh version
        cache.set(FRAGMENT_VERSION_KEY, 2, None)


def expire_fragments(**kwargs):
    """Signal receiver: publish, unpublish, move, delete or a settings change expire them —
    once the change is committed, so no request renders and caches the old state after."""
    transaction.on_commit(_bump_fragment_version)


def main_navigation(request, language_code, area=None):
    """[(label, url)] for the main menu: each listed type's index page in the visitor's
    language, the region's own list when an area is chosen."""
    urls = section_urls(request, language_code, area)
    return [(kind.section_label, urls[kind.key]) for kind in menu_types() if kind.key in urls]


def footer_links(request, site_settings, language_code):
    """[(label, url)] for the footer: about, privacy, accessibility statement, in the
    visitor's language when the page is translated."""
    locale = Locale.objects.filter(language_code=language_code).first()
    links = []
    for field_name, label in (
        ("about_page", _("Om Kompetansebroen")),
        ("privacy_page", _("Personvernerklæring")),
        ("accessibility_page", _("Tilgjengelighetserklæring")),
    ):
        page = getattr(site_settings, field_name, None)
        if page is None:
            continue
        if locale is not None and page.locale_id != locale.pk:
            page = page.get_translation_or_none(locale) or page
        if page.live:
            links.append((label, page.get_url(request=request)))
    return links
