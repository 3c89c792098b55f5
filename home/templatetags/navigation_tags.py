"""Template tags for the header and footer: menu, footer links, the region profile they show
and their fragment cache."""

from django import template
from django.conf import settings
from django.utils import translation

from home import navigation, profiles
from regions import cached

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_state(context, path):
    """ "page" when the request is for ``path`` itself, "true" inside that section, else ""."""
    request = context.get("request")
    if request is None:
        return ""
    current = request.path
    if current == path:
        return "page"
    if path != "/" and current.startswith(path):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def nav_cache_key(context):
    """What the main menu's markup depends on besides the language and area: the first path
    segment (after any /nn/ or /en/ prefix) and whether the request is for that section's root."""
    request = context.get("request")
    if request is None:
        return ""
    segments = [segment for segment in request.path.split("/") if segment]
    if segments and segments[0] in {code for code, _name in settings.LANGUAGES}:
        segments = segments[1:]
    if not segments:
        return "front"
    return f"{segments[0][:60]}:{'root' if len(segments) == 1 else 'inside'}"


@register.simple_tag
def fragment_cache_seconds():
    """Lifetime of the cached menu and footer (settings.FRAGMENT_CACHE_SECONDS)."""
    return settings.FRAGMENT_CACHE_SECONDS


@register.simple_tag
def fragment_version():
    return cached.fragment_version()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    return navigation.main_navigation(
        context.get("request"), translation.get_language(), context.get("current_area")
    )


@register.simple_tag(takes_context=True)
def footer_links(context, site_settings):
    return navigation.footer_links(
        context.get("request"), site_settings, translation.get_language()
    )


@register.simple_tag(takes_context=True)
def region_profile_key(context):
    """Names the region profile the menu and footer show, for their cache key (no query)."""
    return profiles.profile_key(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def region_profile(context):
    """The RegionProfile the menu and footer show, or None (read when they are built)."""
    return profiles.region_profile(context.get("request"), context.get("page"))
