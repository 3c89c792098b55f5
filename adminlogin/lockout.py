"""What a locked-out user sees (django-axes' AXES_LOCKOUT_CALLABLE): Wagtail's own sign-in page
with a Norwegian explanation, status 429, instead of axes' bare text."""

import math

from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.admin.views.account import get_user_login_form

from axes.helpers import get_cool_off


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    if minutes:
        message = _(
            "Innloggingen er sperret etter for mange mislykkede forsøk. "
            "Vent %(minutes)s minutter før du prøver igjen (et nytt forsøk i mellomtiden "
            "starter ventetiden på nytt), eller be en administrator oppheve sperren."
        ) % {"minutes": minutes}
    else:
        message = _(
            "Innloggingen er sperret etter for mange mislykkede forsøk. "
            "Be en administrator oppheve sperren."
        )
    context = {
        "form": get_user_login_form()(request),
        "lockout_message": message,
        "next": request.POST.get("next", ""),
    }
    # Rendered now: axes calls this from its middleware, after TemplateResponses are rendered.
    response = render(request, "adminlogin/locked_out.html", context, status=429)
    response["Cache-Control"] = "no-store"
    return response
