"""The second-factor pages in the admin: set up an authenticator app (QR code and first code),
enter a code after signing in, and turn the second factor off (editors who may choose)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.admin import messages

from django_otp import login as otp_login

from adminlogin import devices
from adminlogin.forms import CodeForm
from adminlogin.policy import has_device, must_use_two_factor

TEMPLATES = "adminlogin/"


def next_url(request):
    """Where to go afterwards: ``next`` if it is an address on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    if has_device(user) and not user.is_verified():
        return redirect(reverse("adminlogin_verify") + "?" + request.GET.urlencode())
    device = devices.pending_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if devices.confirm(device, form.cleaned_data["code"]):
            otp_login(request, device)
            messages.success(request, _("Totrinnsinnlogging er slått på for brukeren din."))
            return redirect(next_url(request))
        form.add_error("code", _("Koden stemmer ikke. Skriv inn koden appen viser nå."))
    context = {
        "form": form,
        "next": next_url(request),
        "qr_code": devices.qr_svg(device),
        "secret": devices.secret_text(device),
        "required": must_use_two_factor(user),
        "replacing": has_device(user),
    }
    return TemplateResponse(request, TEMPLATES + "setup.html", context)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    if user.is_verified() or not has_device(user):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = devices.device_for_code(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        # django-otp also refuses while it slows down guessing after wrong codes.
        form.add_error("code", _("Koden stemmer ikke. Vent på neste kode i appen og prøv igjen."))
    return TemplateResponse(
        request, TEMPLATES + "verify.html", {"form": form, "next": next_url(request)}
    )


@require_POST
def remove(request):
    """Turn the second factor off: only for editors it is optional for, after a code."""
    user = request.user
    if must_use_two_factor(user):
        messages.error(request, _("Brukeren din må bruke totrinnsinnlogging."))
    elif has_device(user) and not user.is_verified():
        return redirect(reverse("adminlogin_verify") + "?next=" + reverse("adminlogin_setup"))
    else:
        devices.remove_all(user)
        messages.success(request, _("Totrinnsinnlogging er slått av for brukeren din."))
    return redirect("wagtailadmin_account")
