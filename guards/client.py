"""The visitor's address: REMOTE_ADDR, or, behind the proxies the operator declares
(TRUSTED_PROXY_COUNT), the address the outermost of them saw, read from X-Forwarded-For.

X-Forwarded-For is only trusted when configured: without a proxy anyone can send the header,
and a limit keyed on it could be dodged by writing a new address into every request.
"""

import ipaddress

from django.conf import settings


def client_address(request):
    """The client's IP address as text (REMOTE_ADDR when nothing better is known)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if not proxies:
        return remote
    # Each proxy appends the address it was connected from, so with N proxies of our own the
    # client is the N-th entry from the right; anything further left the client wrote itself.
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote  # a request that did not pass through every proxy
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
