"""Limits on the public pages anyone can call without a form (search, its API, the area
choice), read from settings.PUBLIC_RATE_LIMITS, and the 429 answers: an HTML page for people,
JSON for the API.

Generous on purpose: a person never meets them, but one client cannot use up the site.
"""

import math
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from guards.ratelimit import over_limit


def limited(request, scope):
    """Count one request in ``scope`` (a key of PUBLIC_RATE_LIMITS); None while within the
    limit (or the limit is 0: off), otherwise the seconds until the client may try again."""
    limit, window = settings.PUBLIC_RATE_LIMITS[scope]
    if not limit:
        return None
    return over_limit(request, scope=scope, limit=limit, window=window)


def rate_limited(scope, *, json=False):
    """Decorate a view so each request counts in ``scope`` and, over the limit, gets the 429
    answer (JSON for an API) instead of the view."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            wait = limited(request, scope)
            if wait is None:
                return view(request, *args, **kwargs)
            if json:
                return too_many_requests_json(wait)
            return too_many_requests_page(request, wait)

        return wrapper

    return decorator


def too_many_requests_page(request, wait):
    response = render(request, "429.html", {"minutes": math.ceil(wait / 60)}, status=429)
    return _retry_after(response, wait)


def too_many_requests_json(wait):
    minutes = math.ceil(wait / 60)
    message = _("For mange søk på kort tid. Vent %(minutes)s min og prøv igjen.") % {
        "minutes": minutes
    }
    return _retry_after(JsonResponse({"error": message}, status=429), wait)


def _retry_after(response, wait):
    add_never_cache_headers(response)
    response["Retry-After"] = str(wait)
    return response
