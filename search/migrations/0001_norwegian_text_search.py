"""PostgreSQL only: Norwegian full-text search that folds æøå, and trigram fuzzy matching.

- ``kb_norwegian``: unaccent (æ→ae, ø→o, å→a) then the Norwegian Snowball stemmer, so
  "parorende" and "pårørende" become the same lexeme at index and query time.
- ``kb_simple``: unaccent only, for autocomplete prefixes.
- pg_trgm + f_unaccent() and GIN trigram indexes on the search index text for the fuzzy
  fallback ("demenns" → "demens"), as modelsearch's enable_trigram command would create.
Nothing happens on SQLite or other databases.
"""

from django.db import migrations

from search.postgres_only import run_on_postgresql

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'kb_norwegian') THEN
            CREATE TEXT SEARCH CONFIGURATION kb_norwegian (COPY = pg_catalog.norwegian);
            ALTER TEXT SEARCH CONFIGURATION kb_norwegian
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, norwegian_stem;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'kb_simple') THEN
            CREATE TEXT SEARCH CONFIGURATION kb_simple (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION kb_simple
                ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, simple;
        END IF;
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS search_title_text_unaccent_trgm "
    "ON wagtailsearch_indexentry USING gin (f_unaccent(title_text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_body_text_unaccent_trgm "
    "ON wagtailsearch_indexentry USING gin (f_unaccent(body_text) gin_trgm_ops)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS search_body_text_unaccent_trgm",
    "DROP INDEX IF EXISTS search_title_text_unaccent_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS kb_simple",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS kb_norwegian",
]


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS))]
