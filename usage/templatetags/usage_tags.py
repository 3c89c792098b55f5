"""{% usage_beacon %}: the statistics script on a published page for visitors who are not
logged in (an editor's own visits and previews are not counted)."""

from django import template

from wagtail.models import Page

register = template.Library()


def counted_page(context):
    """The page whose view the script reports, or None."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not page.pk or not page.live or request is None:
        return None
    if getattr(request, "is_preview", False):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    return page


@register.inclusion_tag("usage/beacon.html", takes_context=True)
def usage_beacon(context):
    return {"counted_page": counted_page(context)}
