"""What registrations hold about one e-mail address, and removing it at the person's request
(the admin's "Personopplysninger", editorial/personal_data.py, finds this through the
``register_personal_data`` hook)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from registrations import emails, registration
from registrations.models import Registration, Submission


class RegistrationData:
    label = gettext_lazy("Påmeldinger og forslag til arrangementer")

    def _registrations(self, email):
        return Registration.objects.filter(email__iexact=email).order_by("created_at")

    def _submissions(self, email):
        return Submission.objects.filter(email__iexact=email).order_by("created_at")

    def find(self, email):
        titles = dict(
            Page.objects.filter(
                pk__in=[
                    *self._registrations(email).values_list("event_id", flat=True),
                    *self._submissions(email).values_list("page_id", flat=True),
                ]
            ).values_list("pk", "title")
        )
        found = [
            _("Påmelding til «%(title)s» (%(status)s)")
            % {"title": titles.get(row.event_id, "?"), "status": row.get_status_display()}
            for row in self._registrations(email)
        ]
        found += [
            _("Forslag til arrangementet «%(title)s»") % {"title": titles.get(row.page_id, "?")}
            for row in self._submissions(email)
        ]
        return found

    def erase(self, email, base_url):
        """Delete everything; a freed seat goes to the first waiting, who gets the e-mail."""
        removed = 0
        for found in self._registrations(email):
            event = Page.objects.get(pk=found.event_id).specific
            promoted = registration.remove(found, getattr(event, "capacity", None))
            if promoted:
                transaction.on_commit(
                    lambda promoted=promoted, event=event: emails.send(
                        "promoted", promoted, event, base_url
                    )
                )
            removed += 1
        removed += self._submissions(email).delete()[0]
        return removed
