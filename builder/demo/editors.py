"""Trial users, one per editorial role, so a trial install can show the workflow end to end.
Like the demo admin, they log in only with development settings (builder/demo/logins.py)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from builder.demo.logins import DEMO_EMAIL_DOMAIN

# username -> (group, full name)
DEMO_EDITORS = {
    "redaktor-innlandet": ("innlandet-editors", "Ida Innlandet"),
    "moderator-innlandet": ("innlandet-moderators", "Magnus Innlandet"),
    "redaktor-ahus": ("ahus-editors", "Aase Ahus"),
    "redaktor-sentral": ("national-editors", "Nora Sentral"),
    "moderator-sentral": ("national-moderators", "Nils Sentral"),
}


def create_demo_editors(password):
    """Create missing trial editors (existing users are left alone); returns the new names."""
    user_model = get_user_model()
    created = []
    for username, (group_name, full_name) in DEMO_EDITORS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None or user_model.objects.filter(username=username).exists():
            continue
        first_name, last_name = full_name.split(" ", 1)
        user = user_model.objects.create_user(
            username=username,
            email=f"{username}@{DEMO_EMAIL_DOMAIN}",
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(group)
        created.append(username)
    return created
