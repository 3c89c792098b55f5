"""The language switcher and hreflang alternates: the same page in bokmål, nynorsk, English.

A page links to its own live translations; where a language has none, the switcher offers
that language's front page instead (so nobody lands on a 404), and hreflang lists only real
translations. Views without a page (search) swap the URL's language prefix.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url

from wagtail.models import Locale, Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's own name ("Norsk nynorsk"), as switchers conventionally show
    url: str
    current: bool
    same_page: bool  # False when the link goes to that language's front page instead


# Each language named in itself, as language switchers do (never translated).
NATIVE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def _native_name(code):
    return NATIVE_NAMES.get(code, code)


def page_translation_urls(page, request=None):
    """{language code: URL} of ``page`` and its live translations (one query per request)."""
    cache = getattr(request, "_kb_translation_urls", None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    urls = {}
    translations = (
        Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
    )
    for translation in translations:
        url = translation.get_url(request=request)
        if url:
            urls[translation.locale.language_code] = url
    if request is not None:
        if cache is None:
            cache = request._kb_translation_urls = {}
        cache[page.pk] = urls
    return urls


def _front_page_urls(request):
    """{language code: URL} of the site's front page in each language it is translated to."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    return page_translation_urls(site.root_page, request)


def language_links(request, page=None, current=None):
    """One LanguageLink per language in settings.LANGUAGES, for the header switcher."""
    current = current or settings.LANGUAGE_CODE
    if page is not None and getattr(page, "translation_key", None) and page.pk:
        same_page = page_translation_urls(page, request)
        fallback = _front_page_urls(request) if len(same_page) < len(settings.LANGUAGES) else {}
    else:
        path = request.get_full_path() if request is not None else "/"
        same_page = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
        fallback = {}
    links = []
    for code, _name in settings.LANGUAGES:
        url = same_page.get(code) or fallback.get(code)
        if not url:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=_native_name(code),
                url=url,
                current=code == current,
                same_page=code in same_page,
            )
        )
    return links


def hreflang_alternates(request, page):
    """[(hreflang, absolute URL)] of the page's real translations, plus x-default (bokmål)."""
    if page is None or not getattr(page, "pk", None):
        return []
    urls = page_translation_urls(page, request)
    if len(urls) < 2:
        return []
    absolute = {
        code: (request.build_absolute_uri(url) if request is not None else url)
        for code, url in urls.items()
    }
    alternates = [(code, absolute[code]) for code, _name in settings.LANGUAGES if code in absolute]
    default = absolute.get(Locale.get_default().language_code)
    if default:
        alternates.append(("x-default", default))
    return alternates
