"""Pagination helpers shared by listings and the search page."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(items):
    """The page numbers to link around the current page, with None where some are left out."""
    paginator = items.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(items.number, on_each_side=1, on_ends=1)
    ]


@register.simple_tag(takes_context=True)
def query_without_page(context):
    """The current query string without ``page``, for pagination links that keep filters."""
    request = context.get("request")
    if request is None:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
