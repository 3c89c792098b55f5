"""The language switcher and hreflang alternates: the same page in bokmål, nynorsk, English.

A page links to its own live translations; where a language has none, the switcher offers
that language's front page instead (so nobody lands on a 404), and hreflang lists only real
translations. Views without a page (search) swap the URL's language prefix.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import override

from wagtail.models import Page, Site

from regions.cached import fragment_version, lifetime
from regions.locales import default_locale


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


def _translation_key_cache_key(request, translation_key):
    host = request.get_host() if request is not None else ""
    return f"kb:translations:{fragment_version()}:{host}:{translation_key}"


def _translation_urls(pages, request=None):
    """{page pk: {language code: URL}} of ``pages`` and their live translations: remembered on
    the request, kept in the cache until content changes (publishing, unpublishing or moving
    any page moves the content version on), and otherwise read in one query for all of them."""
    memo = getattr(request, "_kb_translation_urls", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._kb_translation_urls = memo
    wanted = {page.translation_key for page in pages if page.pk not in memo}
    if wanted:
        keys = {key: _translation_key_cache_key(request, key) for key in wanted}
        kept = cache.get_many(list(keys.values()))
        by_key = {key: kept[keys[key]] for key in wanted if keys[key] in kept}
        missing = wanted - by_key.keys()
        if missing:
            found = {key: {} for key in missing}
            translations = (
                Page.objects.filter(translation_key__in=list(missing))
                .live()
                .select_related("locale")
                .order_by("path")
            )
            for translation in translations:
                url = translation.get_url(request=request)
                if url:
                    found[translation.translation_key][translation.locale.language_code] = url
            cache.set_many({keys[key]: urls for key, urls in found.items()}, lifetime())
            by_key.update(found)
        memo.update(
            {page.pk: by_key[page.translation_key] for page in pages if page.pk not in memo}
        )
    return {page.pk: memo[page.pk] for page in pages}


def page_translation_urls(page, request=None):
    """{language code: URL} of ``page`` and its live translations (one query per request)."""
    return _translation_urls([page], request)[page.pk]


def _front_page(request):
    """The site's front page (None without a site)."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site is not None else None


def _front_page_urls(request):
    """{language code: URL} of the site's front page in each language it is translated to."""
    front_page = _front_page(request)
    return page_translation_urls(front_page, request) if front_page is not None else {}


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
        # The page's translations and the front page's (for languages it lacks) in one query.
        front_page = _front_page(request)
        same_page = _translation_urls([page, *([front_page] if front_page else [])], request)[
            page.pk
        ]
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
    default = absolute.get(default_locale().language_code)
    if default:
        alternates.append(("x-default", default))
    return alternates
