"""'Mitt område': the visitor's chosen region, from ?o=<slug> or the area cookie.

A valid ``?o=`` also stores the choice in the cookie, as the real site does; an unknown slug
is ignored, never an error.
"""

from django.conf import settings

from regions.lookup import region_by_slug

_UNSET = object()


def requested_area_slug(request):
    return request.GET.get(settings.AREA_QUERY_PARAMETER, "").strip().lower()


def current_area(request):
    """The Region the visitor has chosen (query parameter first, then cookie), or None."""
    cached = getattr(request, "_kb_area", _UNSET)
    if cached is not _UNSET:
        return cached
    region = region_by_slug(requested_area_slug(request))
    if region is None:
        region = region_by_slug(request.COOKIES.get(settings.AREA_COOKIE_NAME, "").strip())
    request._kb_area = region
    return region


def set_area_cookie(response, request, region):
    """Store the visitor's area in the cookie, or forget it when ``region`` is None."""
    if region is None:
        response.delete_cookie(settings.AREA_COOKIE_NAME, samesite="Lax")
    else:
        response.set_cookie(
            settings.AREA_COOKIE_NAME,
            region.slug,
            max_age=settings.AREA_COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


class AreaMiddleware:
    """Remembers a valid ``?o=<slug>`` in the area cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        slug = requested_area_slug(request)
        if slug and slug != request.COOKIES.get(settings.AREA_COOKIE_NAME):
            region = region_by_slug(slug)
            if region is not None:
                set_area_cookie(response, request, region)
        return response
