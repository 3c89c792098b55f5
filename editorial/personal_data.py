"""Personopplysninger: the central team removes everything the portal holds about one e-mail
address when the person asks (GDPR art. 17), across every region.

The apps that keep personal data register a provider with the ``register_personal_data``
hook: an object with a ``label``, ``find(email)`` (a list of short descriptions) and
``erase(email, base_url)`` (the number of records deleted). Administrators only: a region's
editors see their own region's registrations, but a person's data spans all regions. The
address is never logged; the log line gives only the counts.
"""

import logging

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

logger = logging.getLogger(__name__)


def providers():
    return [make() for make in hooks.get_hooks("register_personal_data")]


def find(email):
    """[(label, [descriptions])] for every provider that holds something."""
    found = [(provider.label, provider.find(email)) for provider in providers()]
    return [(label, rows) for label, rows in found if rows]


def erase(email, base_url):
    """Delete everything about ``email``, all or nothing; the number of records deleted."""
    with transaction.atomic():
        return sum(provider.erase(email, base_url) for provider in providers())


def may_erase(user):
    return user.is_active and user.is_superuser


class EmailForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-postadresse"), max_length=254)


class PersonalDataView(WagtailAdminTemplateMixin, FormView):
    """POST with ``handling=finn`` shows what is kept; ``handling=slett`` deletes it."""

    template_name = "editorial/admin/personal_data.html"
    form_class = EmailForm
    page_title = gettext_lazy("Personopplysninger")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not may_erase(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if self.request.POST.get("handling") != "slett":
            return self.render_to_response(
                self.get_context_data(form=form, email=email, found=find(email), searched=True)
            )
        base_url = f"{self.request.scheme}://{self.request.get_host()}"
        deleted = erase(email, base_url)
        logger.info("Personal data removed on request: %d record(s)", deleted)
        messages.success(
            self.request,
            _("%(count)d opplysninger om adressen er slettet.") % {"count": deleted},
        )
        return redirect("personal_data")
