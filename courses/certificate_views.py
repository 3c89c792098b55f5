"""The /kursbevis/ pages: issue a certificate from a pass, check a code, verify it, download
its PDF and delete it with the removal link.

Every page that shows a certificate is kept out of caches and search engines (it holds a
name), and every lookup by code counts towards the client's rate limit.
"""

import math

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wagtail.models import Page

from courses import certificates
from courses.passes import BadToken, read_pass
from courses.pdf import certificate_pdf
from guards.ratelimit import over_limit

TEMPLATES = "courses/certificates/"


def private(response, *, secret_in_url=False):
    """No caching, no indexing; when the address holds a secret, no Referer to other sites.
    (Not "no-referrer": browsers then send "Origin: null" and the CSRF check refuses the
    removal form.)"""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    if secret_in_url:
        response["Referrer-Policy"] = "same-origin"
    return response


def rate_limited(request):
    """The 429 page if this client has looked up too many codes, else None."""
    wait = over_limit(request)
    if wait is None:
        return None
    response = render(
        request,
        TEMPLATES + "rate_limited.html",
        {"minutes": math.ceil(wait / 60)},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return private(response)


def verify_url(request, code):
    return request.build_absolute_uri(reverse("certificate_verify", args=[code]))


def live_course(certificate):
    """The course page if it is still published (to link to), else None."""
    if certificate.course_id is None:
        return None
    return Page.objects.live().filter(pk=certificate.course_id).first()


@require_POST
def issue(request):
    token = request.POST.get("pass_token", "")
    name = request.POST.get("name", "")
    try:
        issued = certificates.issue(read_pass(token), name)
    except BadToken:
        error = certificates.InvalidPass()
    except certificates.CertificateError as failure:
        error = failure
    else:
        context = {
            "certificate": issued.certificate,
            "code": issued.code,
            "verify_url": verify_url(request, issued.code),
            "pdf_url": reverse("certificate_pdf", args=[issued.code]),
            "removal_url": request.build_absolute_uri(
                reverse("certificate_remove", args=[issued.code, issued.removal_key])
            ),
        }
        return private(render(request, TEMPLATES + "issued.html", context), secret_in_url=True)
    # A name that cannot be printed can be corrected: the form comes back with the pass.
    can_retry = isinstance(error, certificates.InvalidName)
    context = {
        "error": error.message,
        "name_error": error.message if can_retry else None,
        "pass_token": token if can_retry else None,
        "name": name,
    }
    return private(render(request, TEMPLATES + "not_issued.html", context, status=400))


@require_GET
def check(request):
    """The "Sjekk et kursbevis" form; a well-formed code goes on to its verification page
    (which counts the lookup), a malformed one is counted here."""
    typed = request.GET.get("kode")
    error = None
    if typed is not None:
        code = certificates.canonical_code(typed)
        if code is not None:
            return redirect("certificate_verify", code=code)
        limited = rate_limited(request)
        if limited:
            return limited
        error = _(
            "Koden har ikke riktig form. Den har 16 tegn etter KB, for eksempel "
            "KB-7K3M-Q9TX-2HNP-W4RD."
        )
    context = {"error": error, "typed": typed or ""}
    return private(render(request, TEMPLATES + "check.html", context, status=400 if error else 200))


def found_or_404(code):
    certificate = certificates.find(code)
    if certificate is None:
        raise Http404("no certificate with this code")
    return certificate


@require_GET
def verify(request, code):
    limited = rate_limited(request)
    if limited:
        return limited
    certificate = found_or_404(code)
    canonical = certificates.canonical_code(code)
    if code != canonical:
        return redirect("certificate_verify", code=canonical)
    context = {
        "certificate": certificate,
        "code": canonical,
        "course_page": live_course(certificate),
        "expired": certificates.is_expired(certificate),
        "pdf_url": reverse("certificate_pdf", args=[canonical]),
    }
    return private(render(request, TEMPLATES + "verify.html", context))


@require_GET
def pdf(request, code):
    limited = rate_limited(request)
    if limited:
        return limited
    certificate = found_or_404(code)
    canonical = certificates.canonical_code(code)
    content = certificate_pdf(certificate, canonical, verify_url(request, canonical))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kursbevis-{canonical}.pdf"'
    return private(response)


@require_http_methods(["GET", "POST"])
def remove(request, code, key):
    limited = rate_limited(request)
    if limited:
        return limited
    certificate = certificates.find_removable(code, key)
    if certificate is None:
        raise Http404("no certificate with this code and removal key")
    if request.method == "POST":
        certificate.delete()
        return private(render(request, TEMPLATES + "removed.html"), secret_in_url=True)
    context = {"certificate": certificate, "code": certificates.canonical_code(code)}
    return private(render(request, TEMPLATES + "remove.html", context), secret_in_url=True)
