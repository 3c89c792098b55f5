"""Template tags for the three site languages: the switcher and hreflang alternates."""

from django import template
from django.utils import translation

from home.languages import hreflang_alternates, language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """{"links": [LanguageLink], "alternates": [(hreflang, url)]} for the page being shown."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    return {
        "links": language_links(request, page, current),
        "alternates": hreflang_alternates(request, page),
    }
