"""PostgreSQL only: keep the search index's rows narrow, so a broad match reads fewer pages.

A broad word ("pårørende") matches thousands of index entries; PostgreSQL then reads each
matching row for its id and title rank. The body vector (about 1 KB per page) sat inline in
each row, so those rows filled the table's pages and a broad match read nearly all of them.
With a low TOAST target the body moves out of line (it is read only to rank bodies, for small
match sets) and the title stays inline (``STORAGE MAIN``): the rows a match reads take a
fraction of the pages. Rows take the layout when written: the next ``update_index`` (or the
next save of each page) rewrites them. Nothing happens on SQLite or other databases.
"""

from django.db import migrations

from search.postgres_only import run_on_postgresql

FORWARDS = [
    "ALTER TABLE wagtailsearch_indexentry SET (toast_tuple_target = 128)",
    "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN title SET STORAGE MAIN",
]
BACKWARDS = [
    "ALTER TABLE wagtailsearch_indexentry RESET (toast_tuple_target)",
    "ALTER TABLE wagtailsearch_indexentry ALTER COLUMN title SET STORAGE EXTENDED",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_contentversion")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS))]
