"""Region moved from `home` to `regions` (same table): state-only, no change in the database."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("regions", "0001_initial"),
        ("resources", "0002_help_texts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="resourcepage",
                    name="areas",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text="Områder ressursen også skal vises i. Eierområdet er alltid med. Nasjonalt innhold uten valgte områder vises i alle områder.", related_name="shared_resources", to="regions.region", verbose_name="vises i områder"),
                ),
                migrations.AlterField(
                    model_name="resourcepage",
                    name="owner_region",
                    field=models.ForeignKey(blank=True, editable=False, help_text="Utledes av sidens plass i treet; tomt betyr nasjonalt innhold.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="owned_resources", to="regions.region", verbose_name="eierområde"),
                ),
            ],
        ),
    ]
