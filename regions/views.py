"""The "Mitt område" form target: works without JavaScript (a plain POST + redirect).

It takes no CSRF token: choosing an area only sets a display preference, which any link can
already do with ``?o=<slug>``, so a token would guard nothing, and the form is in every page's
header, where a token would make every page depend on the visitor's cookie and keep it out of
the front door's page cache (pagecache/headers.py).
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseRedirect, QueryDict
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from regions.area import set_area_cookie
from regions.lookup import region_by_slug


@csrf_exempt
@require_POST
def choose_area(request):
    region = region_by_slug(request.POST.get("area", "").strip().lower())
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return set_area_cookie(HttpResponseRedirect(without_area_parameter(target)), request, region)


def without_area_parameter(url):
    """``url`` without ``?o=``, which would otherwise override the new choice at once."""
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    query.pop(settings.AREA_QUERY_PARAMETER, None)
    return urlunsplit(parts._replace(query=query.urlencode()))
