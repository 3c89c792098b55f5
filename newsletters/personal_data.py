"""What the newsletters hold about one e-mail address, and removing it at the person's request
(found by the admin's "Personopplysninger" through the ``register_personal_data`` hook)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsletters.models import Subscription, newsletter_name


class NewsletterData:
    label = gettext_lazy("Nyhetsbrev")

    def _subscriptions(self, email):
        return Subscription.objects.filter(email__iexact=email).select_related("region")

    def find(self, email):
        return [
            _("Abonnement på %(name)s (%(status)s)")
            % {"name": newsletter_name(row.region), "status": row.get_status_display()}
            for row in self._subscriptions(email)
        ]

    def erase(self, email, base_url):
        """Delete the subscriptions (and, with them, the record of what was sent to them)."""
        deleted = self._subscriptions(email).delete()[1]
        return deleted.get(Subscription._meta.label, 0)
