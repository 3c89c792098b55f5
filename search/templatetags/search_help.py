"""Help on the search page when a search finds nothing: the topics the portal covers."""

import contextlib

from django import template

from wagtail.models import Locale

from regions.locales import active_locale
from resources.models import ThemePage

register = template.Library()


@register.simple_tag
def topic_pages():
    """The live theme pages (one per topic) in the active language, by title."""
    pages = ThemePage.objects.live().public().filter(expired=False)
    with contextlib.suppress(Locale.DoesNotExist):
        pages = pages.filter(locale=active_locale())
    return list(pages.order_by("title").only("title", "url_path", "path", "depth"))
