"""The demo data's trial accounts (builder/demo/) log in only where settings.DEMO_CONTENT_ALLOWED
is on: the dev and test settings. Their passwords are published in the README, so on any
other installation, a production database the demo data was loaded into by mistake or a copy
of a trial database, they must not open the admin.

A demo account is known by its address at DEMO_EMAIL_DOMAIN, a reserved .example domain (RFC
2606) that no real person's address can have.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

DEMO_EMAIL_DOMAIN = "kompetansebroen.example"


def is_demo_account(user):
    return (user.email or "").lower().endswith("@" + DEMO_EMAIL_DOMAIN)


class NoDemoLoginsBackend(ModelBackend):
    """Django's username and password backend, except that a demo account can neither log in
    nor stay logged in (its session is refused too) unless DEMO_CONTENT_ALLOWED."""

    def user_can_authenticate(self, user):
        if is_demo_account(user) and not settings.DEMO_CONTENT_ALLOWED:
            return False
        return super().user_can_authenticate(user)
