"""The demo admin's password comes from DEMO_ADMIN_PASSWORD and is never reset.

Kept apart from test_demo_data.py, whose module-wide demo site already has an admin user.
"""

from django.contrib.auth import get_user_model

import pytest

from tests.builder.test_demo_data import load_demo_data


@pytest.mark.django_db
def test_admin_password_comes_from_the_environment_and_is_never_reset(db, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "et-annet-passord")
    load_demo_data()
    user = get_user_model().objects.get(username="admin")
    assert user.check_password("et-annet-passord")

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "enda-et-passord")
    load_demo_data()
    user.refresh_from_db()
    assert user.check_password("et-annet-passord")
