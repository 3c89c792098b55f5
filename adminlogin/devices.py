"""The authenticator app a user signs in with: a TOTP device of django-otp, set up by scanning a
QR code (drawn here, on the server: no outside service sees the secret) and confirmed with the
first code the app shows."""

from base64 import b32encode

from django.db import transaction
from django.utils.safestring import mark_safe

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Autentiseringsapp"


def pending_device(user):
    """The device being set up: the same one until it is confirmed, so reloading the page does
    not invalidate a code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def confirm(device, token):
    """Confirm ``device`` if ``token`` is its current code; it then replaces the user's other
    devices (a new phone replaces the old one). True if confirmed."""
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return True


def device_for_code(user, token):
    """The user's confirmed device if ``token`` is its current code, else None. django-otp
    accepts each code once and, after a wrong one, refuses for a growing while; the row lock
    keeps two requests from using the same code."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is not None and device.verify_token(token):
            return device
    return None


def remove_all(user):
    """Delete every device of ``user``; returns how many there were."""
    return TOTPDevice.objects.filter(user=user).delete()[0]


def secret_text(device):
    """The key as an app asks for it when typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device):
    """The device's otpauth:// address as an inline SVG QR code (dark on white, so it scans in
    the admin's dark theme too)."""
    code = segno.make(device.config_url, error="m")
    return mark_safe(code.svg_inline(scale=5, dark="#000", light="#fff", border=2))  # noqa: S308
