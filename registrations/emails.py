"""The e-mails a participant gets, in the language they registered in, as plain text and
HTML, with the event as an iCalendar attachment: confirmed, on the waiting list, moved up
from the waiting list, and the reminder the day before. The online meeting link goes only
to confirmed participants."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Site

from registrations.ics import calendar_bytes, from_event
from registrations.models import Status

KINDS = ("confirmed", "waiting", "promoted", "reminder")


def uid_host(base_url):
    """The site's configured hostname, as the calendar feeds put in their UIDs (an event
    added from an e-mail is then the same event as in a subscribed calendar)."""
    site = Site.objects.filter(is_default_site=True).only("hostname").first()
    return site.hostname if site is not None else (urlsplit(base_url).hostname or "localhost")


def _subject(kind, title):
    return {
        "confirmed": _("Du er påmeldt: %(title)s"),
        "waiting": _("Du står på venteliste: %(title)s"),
        "promoted": _("Du har fått plass: %(title)s"),
        "reminder": _("Påminnelse: %(title)s i morgen"),
    }[kind] % {"title": title}


def message(kind, registration, event, base_url):
    """The e-mail of ``kind`` for ``registration`` (not sent). ``base_url``: the site's
    address ("https://…", no trailing slash) for the links."""
    with translation.override(registration.language):
        context = {
            "kind": kind,
            "registration": registration,
            "event": event,
            "event_url": base_url + event.url,
            "cancel_url": base_url + reverse("cancel_registration", args=[registration.token]),
            "meeting_url": (
                event.meeting_url
                if registration.status == Status.CONFIRMED and event.meeting_url
                else ""
            ),
        }
        mail = EmailMultiAlternatives(
            subject=_subject(kind, event.title),
            body=render_to_string("registrations/email/registration.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        mail.attach_alternative(
            render_to_string("registrations/email/registration.html", context), "text/html"
        )
        host = uid_host(base_url)
        calendar = calendar_bytes([from_event(event, context["event_url"], host)], event.title)
    mail.attach(f"{event.slug}.ics", calendar, "text/calendar; charset=utf-8; method=PUBLISH")
    return mail


def send(kind, registration, event, base_url):
    message(kind, registration, event, base_url).send()
