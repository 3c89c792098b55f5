"""/nyhetsbrev/: subscribe (double opt-in), confirm, unsubscribe (a page with a button, and
the one-click POST of RFC 8058 that mail programs send).

Every answer about an address is the same whether it was on the list or not, and no page
here is cached or indexed: the links carry a subscriber's token.
"""

import math

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from guards.ratelimit import over_limit
from newsletters import subscriptions
from newsletters.forms import SubscribeForm, started_value
from newsletters.mail import confirmation_message
from newsletters.models import Subscription, newsletter_name
from regions.area import current_area
from regions.lookup import NATIONAL

TEMPLATES = "newsletters/"
# Subscriptions a client may send per window: enough for a person, too few to flood inboxes.
SUBSCRIBE_LIMIT = 5
SUBSCRIBE_WINDOW = 10 * 60


def private(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def page(request, template, context=None, status=200):
    return private(render(request, TEMPLATES + template, context or {}, status=status))


def form_page(request, form, status=200):
    context = {"form": form, "started": started_value()}
    return page(request, "subscribe.html", context, status=status)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        area = current_area(request)
        form = SubscribeForm(initial={"area": area.slug if area else NATIONAL})
        return form_page(request, form)
    wait = over_limit(request, scope="newsletter", limit=SUBSCRIBE_LIMIT, window=SUBSCRIBE_WINDOW)
    if wait is not None:
        response = page(request, "rate_limited.html", {"minutes": math.ceil(wait / 60)}, status=429)
        response["Retry-After"] = str(wait)
        return response
    form = SubscribeForm(request.POST)
    if form.is_trapped:
        return page(request, "check_your_email.html", {"email": request.POST.get("email", "")})
    if not form.is_valid():
        return form_page(request, form, status=400)
    result = subscriptions.subscribe(form.cleaned_data["email"], form.region(), get_language())
    if result.needs_confirmation:
        confirmation_message(result.subscription, base_url(request)).send()
    return page(request, "check_your_email.html", {"email": form.cleaned_data["email"]})


def bad_link(request, error):
    return page(request, "bad_link.html", {"expired": error.expired}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, key):
    """GET shows a button, POST confirms: a mail scanner that opens every link must not
    subscribe anyone."""
    try:
        subscription = subscriptions.subscription_for_key(key)
    except subscriptions.BadLink as error:
        return bad_link(request, error)
    context = {"subscription": subscription, "name": newsletter_name(subscription.region)}
    if request.method == "POST":
        subscriptions.confirm(subscription)
        return page(request, "confirmed.html", context)
    if subscription.status == Subscription.Status.CONFIRMED:
        return page(request, "confirmed.html", context)
    return page(request, "confirm.html", context)


# Mail programs send the one-click unsubscribe (RFC 8058) as a POST without a CSRF token. The
# view can do nothing but unsubscribe the token's owner, so the exemption gives nothing away.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        return page(request, "unsubscribe_unknown.html", status=404)
    context = {"subscription": subscription, "name": newsletter_name(subscription.region)}
    if request.method == "POST":
        subscriptions.unsubscribe(subscription)
        return page(request, "unsubscribed.html", context)
    if subscription.status == Subscription.Status.UNSUBSCRIBED:
        return page(request, "unsubscribed.html", context)
    return page(request, "unsubscribe.html", context)
