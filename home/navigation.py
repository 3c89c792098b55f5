"""The main menu and footer links, per language and area (their cached markup expires with
regions.cached.fragment_version)."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from resources.registry import menu_types
from resources.sections import section_urls


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
