"""PostgreSQL only: a GIN index on the search index's ``title || body``.

The database backend matches a query against the title and body vectors together
(``(title || body) @@ query``); Wagtail's indexes cover each column alone, so that match read
every index entry. With this index PostgreSQL finds the matching entries in the index
(search/matching.py), which at 20,000 pages is the difference between milliseconds and seconds.
Nothing happens on SQLite or other databases.
"""

from django.db import migrations

from search.postgres_only import run_on_postgresql

FORWARDS = [
    "CREATE INDEX IF NOT EXISTS search_title_body_gin "
    "ON wagtailsearch_indexentry USING gin ((title || body))",
]
BACKWARDS = ["DROP INDEX IF EXISTS search_title_body_gin"]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS))]
