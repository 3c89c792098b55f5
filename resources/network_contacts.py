"""A network's contact people are personal data the editors publish (name, role, e-mail,
phone). What the portal holds about one e-mail address there, and removing it at the person's
request (the admin's "Personopplysninger", editorial/personal_data.py, finds this through the
``register_personal_data`` hook)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Revision

from resources.models import NetworkContact


def _without(contacts, email):
    folded = email.casefold()
    return [row for row in contacts if str(row.get("email", "")).casefold() != folded]


class NetworkContactData:
    label = gettext_lazy("Kontaktpersoner i kompetansenettverk")

    def _contacts(self, email):
        return NetworkContact.objects.filter(email__iexact=email).select_related("network")

    def find(self, email):
        return [
            _("Kontaktperson i «%(title)s»") % {"title": contact.network.title}
            for contact in self._contacts(email)
        ]

    def erase(self, email, base_url):
        """The person leaves the networks' pages and every saved version of them (a version
        published again would bring them back). A copy in the front door's cache expires with
        its lifetime (PAGE_CACHE_SECONDS)."""
        contacts = list(self._contacts(email))
        networks = {contact.network_id for contact in contacts}
        revisions = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in networks])
        for revision in revisions:
            kept = _without(revision.content.get("contacts", []), email)
            if len(kept) != len(revision.content.get("contacts", [])):
                revision.content["contacts"] = kept
                revision.save(update_fields=["content"])
        NetworkContact.objects.filter(pk__in=[contact.pk for contact in contacts]).delete()
        return len(contacts)
