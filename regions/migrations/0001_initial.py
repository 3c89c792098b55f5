"""Region moves here from the `home` app: its table (home_region) and every row stay where
they are; only Django's model state moves, and the content type is renamed in place so
permissions, search index entries and translation sources keep pointing at it."""

import uuid

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old="home", new="regions"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if types.filter(app_label=new, model="region").exists():
        return
    types.filter(app_label=old, model="region").update(app_label=new)
    ContentType.objects.clear_cache()


def restore_content_type(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="regions", new="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_region_collection"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Region",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("slug", models.SlugField(help_text="Brukes i adresser og i ?o=<kortnavn>, f.eks. «innlandet».", verbose_name="kortnavn")),
                        ("name", models.CharField(help_text="F.eks. «Innlandet».", max_length=100, verbose_name="navn")),
                        ("description", models.TextField(blank=True, help_text="Hvilket sykehus og hvilke kommuner området omfatter.", verbose_name="beskrivelse")),
                        ("collection", models.ForeignKey(blank=True, editable=False, help_text="Bilde- og dokumentsamlingen til områdets redaksjon (opprettes automatisk).", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.collection", verbose_name="samling")),
                        ("locale", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale", verbose_name="locale")),
                    ],
                    options={
                        "verbose_name": "område",
                        "verbose_name_plural": "områder",
                        "db_table": "home_region",
                        "ordering": ["name"],
                        "abstract": False,
                        "constraints": [models.UniqueConstraint(fields=("slug", "locale"), name="unique_region_slug_locale")],
                        "unique_together": {("translation_key", "locale")},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
