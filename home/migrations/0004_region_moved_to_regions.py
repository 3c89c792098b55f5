"""Region moved to the `regions` app (its table, home_region, stays): state-only. RegionPage's
link gets a reverse name (region_pages) so the ground floor can find a page's region."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_region_collection"),
        ("regions", "0001_initial"),
        ("resources", "0003_region_moved_to_regions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="regionpage",
                    name="region",
                    field=models.ForeignKey(help_text="Området denne forsiden tilhører. Alt under siden eies av området.", on_delete=django.db.models.deletion.PROTECT, related_name="region_pages", to="regions.region", verbose_name="område"),
                ),
                migrations.DeleteModel(name="Region"),
            ],
        ),
    ]
