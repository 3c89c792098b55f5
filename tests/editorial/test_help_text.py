"""Every field an editor fills in has help text (in Norwegian, through gettext)."""

from django.apps import apps

from wagtail.models import Page

import pytest

PROJECT_APPS = ("home", "resources", "projects")


def editor_fields():
    page_fields = {field.name for field in Page._meta.get_fields()}
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.get_fields():
                if (
                    getattr(field, "editable", False)
                    and not field.auto_created
                    and field.concrete
                    and field.name not in page_fields
                    and field.name not in {"locale", "translation_key", "site"}
                    and not field.name.endswith("_ptr")
                    and field.model is model
                ):
                    yield pytest.param(field, id=f"{model.__name__}.{field.name}")


@pytest.mark.parametrize("field", list(editor_fields()))
def test_field_has_help_text(field):
    assert str(field.help_text).strip(), f"{field.model.__name__}.{field.name} has no help text"
