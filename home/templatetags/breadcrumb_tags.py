"""Template tag for the breadcrumbs: the pages above the page being shown."""

from django import template

register = template.Library()


@register.simple_tag
def page_ancestors(page):
    """The pages above ``page``: those the router already fetched (home/routing.py, from the
    front page down), else the page's ancestors from the tree."""
    routed = getattr(page, "route_ancestors", None)
    return routed if routed is not None else page.get_ancestors()
