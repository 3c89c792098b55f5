"""The language switcher and hreflang alternates: the same page in bokmål, nynorsk, English.

A page links to its own live translations; where a language has none, the switcher offers
that language's front page instead (so nobody lands on a 404), and hreflang lists only real
translations. Views without a page (search) swap the URL's language prefix.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import override

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


def view_translation_urls(request):
    """{language code: URL} of the requested view (search, a 404) in each language.

    Built only from what the path resolves to, reversed in each language, so nothing of the
    path itself reaches the links: Django's translate_url would read ``//evil.example/`` as a
    host and keep it (``//evil.example/nn/``). A path that resolves to nothing gets no links.
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return {}
    query = request.META.get("QUERY_STRING", "")
    urls = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            try:
                url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                continue
        urls[code] = f"{url}?{query}" if query else url
    return urls


def language_links(request, page=None, current=None):
    """One LanguageLink per language in settings.LANGUAGES, for the header switcher."""
    current = current or settings.LANGUAGE_CODE
    if page is not None and getattr(page, "translation_key", None) and page.pk:
        same_page = page_translation_urls(page, request)
    else:
        same_page = view_translation_urls(request) if request is not None else {}
    fallback = _front_page_urls(request) if len(same_page) < len(settings.LANGUAGES) else {}
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
