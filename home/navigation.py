"""The main menu and footer links, per language, and the version key that expires their
cached template fragments whenever content or site settings change."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

# Main navigation: (resource type whose national index page it links to, label, bokmål path).
MAIN_NAVIGATION = [
    ("theme", _("Fagtema"), "/fagtema/"),
    ("course", _("E-kurs"), "/e-kurs/"),
    ("film", _("Film"), "/film/"),
    ("podcast_series", _("Podkast"), "/podkast/"),
    ("news", _("Aktuelt"), "/aktuelt/"),
    ("event", _("Kurs og møteplasser"), "/kurs-og-moteplasser/"),
    ("project", _("Prosjekter"), "/prosjekter/"),
]

FRAGMENT_VERSION_KEY = "kb:fragment-version"


def fragment_version():
    """A number that changes whenever the cached header/footer fragments may be stale."""
    version = cache.get(FRAGMENT_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(FRAGMENT_VERSION_KEY, version, None)
    return version


def expire_fragments(**kwargs):
    """Signal receiver: publish, unpublish, move, delete or a settings change expire them."""
    try:
        cache.incr(FRAGMENT_VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value is a fresh version
        cache.set(FRAGMENT_VERSION_KEY, 2, None)


def localized_root(request, language_code):
    """The site's front page in ``language_code`` (or the default one when not translated)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None or root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale) or root


def main_navigation(request, language_code):
    """[(label, url)] for the main menu: the index pages in the visitor's language where
    they are translated, bokmål ones otherwise (one query for the index pages)."""
    from home.setup import NATIONAL_SECTIONS

    root = localized_root(request, language_code)
    urls = {}
    if root is not None:
        slugs = {NATIONAL_SECTIONS[type_slug][1]: type_slug for type_slug, *_ in MAIN_NAVIGATION}
        for child in Page.objects.child_of(root).live().filter(slug__in=slugs):
            url = child.get_url(request=request)
            if url:
                urls[slugs[child.slug]] = url
    return [(label, urls.get(type_slug, path)) for type_slug, label, path in MAIN_NAVIGATION]


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


def connect_fragment_expiry():
    """Expire the cached menu and footer on every change that can alter them."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_unpublished, post_page_move

    from home.models import SiteSettings

    page_published.connect(expire_fragments, dispatch_uid="kb_fragments_published")
    page_unpublished.connect(expire_fragments, dispatch_uid="kb_fragments_unpublished")
    post_page_move.connect(expire_fragments, dispatch_uid="kb_fragments_moved")
    post_delete.connect(expire_fragments, sender=Page, dispatch_uid="kb_fragments_deleted")
    post_save.connect(expire_fragments, sender=SiteSettings, dispatch_uid="kb_fragments_settings")
