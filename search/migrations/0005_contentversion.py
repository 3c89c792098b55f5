import uuid

from django.db import migrations, models


def create_version(apps, schema_editor):
    apps.get_model("search", "ContentVersion").objects.create(pk=1, token=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("search", "0004_title_body_index")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.UUIDField()),
            ],
            options={
                "verbose_name": "innholdsversjon for søk",
                "verbose_name_plural": "innholdsversjoner for søk",
            },
        ),
        migrations.RunPython(create_version, migrations.RunPython.noop),
    ]
