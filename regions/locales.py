"""The site's locales (bokmål, nynorsk, English), looked up once and cached.

Wagtail's ``Locale.get_default()`` and ``Locale.get_active()`` ask the database on every
call, and one page view needs them several times; a locale changes only when an
administrator adds or removes a language.
"""

from django.conf import settings
from django.utils import translation

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from regions.cached import remembered

CACHE_KEY = "kb:locales"


def _by_code():
    return remembered(
        CACHE_KEY, lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def locale_for(language_code):
    """The Locale of ``language_code`` (a variant such as "nb-no" gives "nb"), or None."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _by_code().get(code)


def default_locale():
    """``Locale.get_default()``, cached: the locale of settings.LANGUAGE_CODE."""
    locale = locale_for(settings.LANGUAGE_CODE)
    if locale is None:
        raise Locale.DoesNotExist(f"No locale for {settings.LANGUAGE_CODE!r}")
    return locale


def active_locale():
    """``Locale.get_active()``, cached: the active language's locale, else the default."""
    return locale_for(translation.get_language()) or default_locale()


def locale_by_id(pk):
    """The Locale with this primary key, or None."""
    return next((locale for locale in _by_code().values() if locale.pk == pk), None)


def attach_locale(instance):
    """Give ``instance`` (a page or snippet) its cached Locale, so ``instance.locale`` needs no
    query; returns the instance."""
    locale = locale_by_id(instance.locale_id)
    if locale is not None:
        instance.locale = locale
    return instance
