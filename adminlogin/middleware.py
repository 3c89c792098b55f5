"""Stops a signed-in user at the second factor before any other admin page, when
TWO_FACTOR_ENFORCED is on: one with an authenticator app enters a code (verify), a
moderator or administrator without one sets it up first (setup). Other editors without an app
pass, and so does every request outside the admin.

After django_otp's OTPMiddleware, which tells whether this session has entered a code.
"""

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from adminlogin.policy import enforced, has_device, must_use_two_factor

# Admin pages a user may see before the second factor: signing in and out, and what those pages
# load (icons, translations).
OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
VERIFY = "adminlogin_verify"
SETUP = "adminlogin_setup"


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return second_factor_needed(request) or self.get_response(request)


def second_factor_needed(request):
    """A redirect to the verify or setup page, or None if this request may go on."""
    if not enforced() or not request.path_info.startswith(reverse("wagtailadmin_home")):
        return None
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    if not user.has_perm("wagtailadmin.access_admin"):
        return None  # not an editor: Wagtail itself refuses the admin
    try:
        name = resolve(request.path_info).url_name
    except Resolver404:
        return None
    if name in OPEN:
        return None
    if has_device(user):
        target = VERIFY
    elif must_use_two_factor(user):
        target = SETUP
    else:
        return None
    if name == target:
        return None
    return redirect(reverse(target) + "?" + urlencode({"next": request.get_full_path()}))
