"""Who must sign in with a second factor: administrators (superusers) and moderators (members
of a team's moderators' group, or of Wagtail's own). Other editors may choose to."""

from django.conf import settings
from django.db.models import Q

from django_otp import user_has_device

from editorial.roles import MODERATORS_SUFFIX, WAGTAIL_MODERATORS


def must_use_two_factor(user):
    if user.is_superuser:
        return True
    moderators = Q(name=WAGTAIL_MODERATORS) | Q(name__endswith=MODERATORS_SUFFIX)
    return user.groups.filter(moderators).exists()


def has_device(user):
    """Whether ``user`` has set up an authenticator app (a confirmed device)."""
    return user_has_device(user, confirmed=True)


def enforced():
    return settings.TWO_FACTOR_ENFORCED
