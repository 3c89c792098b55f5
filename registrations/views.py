"""Registering on the event page (EventPage routes its `pamelding/` here) and cancelling
through the link in the e-mails, without an account."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from guards.form_timing import form_stamp
from guards.ratelimit import over_limit
from registrations import emails, registration, rules
from registrations.forms import RegistrationForm
from registrations.models import Registration, Status

REGISTRATIONS_PER_WINDOW = 10  # per client and 10 minutes: a team registering together fits
ANCHOR = "#pamelding"


def base_url(request):
    return f"{request.scheme}://{request.get_host()}"


def form_for(event, data=None):
    return RegistrationForm(
        data, ask_dietary=event.ask_dietary, ask_profession=event.ask_profession
    )


def context(event, form=None, error=None):
    """What the event page shows about registration."""
    confirmed, waiting = registration.counts(event) if event.registration_open else (0, 0)
    state = rules.state(event, confirmed)
    seats_left = None if event.capacity is None else max(event.capacity - confirmed, 0)
    return {
        "registration_state": state,
        "registration_form": (form or form_for(event))
        if rules.accepts_registrations(state)
        else None,
        "registration_error": error,
        "seats_left": seats_left,
        "waiting_count": waiting,
        "closes_at": rules.closes_at(event),
    }


def _page(request, event, status, **extra):
    data = event.get_context(request)
    data.update(context(event, **extra))
    return TemplateResponse(request, event.get_template(request), data, status=status)


@never_cache
def register(request, event):
    """POST from the event page's form."""
    if not event.registration_open:
        raise Http404("registration is not offered for this event")
    if request.method != "POST":
        return HttpResponseRedirect(event.url + ANCHOR)
    form = form_for(event, request.POST)
    state = rules.state(event, registration.counts(event)[0])
    if not rules.accepts_registrations(state):
        return _page(request, event, 400)  # the page says why: deadline passed or over
    if over_limit(request, "registrations", limit=REGISTRATIONS_PER_WINDOW):
        error = _("Det er sendt mange påmeldinger herfra på kort tid. Prøv igjen om litt.")
        return _page(request, event, 429, form=form, error=error)
    if not form.is_valid():
        return _page(request, event, 400, form=form)
    if form.looks_automated():
        error = _("Skjemaet ble sendt for raskt. Vent noen sekunder og send det på nytt.")
        return _page(request, event, 400, form=_fresh(form, event), error=error)
    try:
        new = registration.register(
            event,
            event.capacity,
            language=translation.get_language() or "nb",
            **form.answers(),
        )
    except registration.AlreadyRegistered:
        form.add_error(
            "email",
            _(
                "Denne e-postadressen er allerede påmeldt. I e-posten du fikk, finner du "
                "lenken for å melde deg av."
            ),
        )
        return _page(request, event, 400, form=form)
    kind = "confirmed" if new.status == Status.CONFIRMED else "waiting"
    url = base_url(request)
    transaction.on_commit(lambda: emails.send(kind, new, event, url))
    if kind == "confirmed":
        messages.success(request, _("Du er påmeldt. Vi har sendt en bekreftelse på e-post."))
    else:
        messages.info(
            request,
            _("Arrangementet er fullt. Du står på venteliste og får e-post hvis du får plass."),
        )
    return HttpResponseRedirect(event.url + ANCHOR, status=303)


def _fresh(form, event):
    """The same answers with a new time stamp, so a person who was quick can send again."""
    data = form.data.copy()
    data["skjema"] = form_stamp()
    data["nettsted"] = ""
    return form_for(event, data)


@never_cache
def cancel(request, token):
    """GET: what is about to be cancelled, and a button. POST: cancel; a freed seat goes to
    the first on the waiting list, who gets an e-mail."""
    found = get_object_or_404(Registration.objects.select_related("event"), token=token)
    event = found.event.specific
    context = {"registration": found, "event": event}
    if request.method == "POST" and found.status != Status.CANCELLED:
        done = registration.cancel(token, getattr(event, "capacity", None))
        if done.promoted is not None:
            promoted, url = done.promoted, base_url(request)
            transaction.on_commit(lambda: emails.send("promoted", promoted, event, url))
        context["registration"] = done.registration
        context["just_cancelled"] = True
    return TemplateResponse(request, "registrations/cancel.html", context)
