"""manage.py import_corpus FILE: import a kompetansebro-corpus/1 file in one transaction."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from builder.importer import CorpusError, import_corpus, load_corpus_file


class Command(BaseCommand):
    help = (
        "Import a kompetansebro-corpus/1 JSON file: regions, topics, audiences and one "
        "published page per item. Running it again updates changed items and skips the rest."
    )
    # A bad file must give exactly one line on stderr, so system-check warnings stay out.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the corpus JSON file.")

    def handle(self, *args, file, **options):
        stdout = self.stdout if options["verbosity"] >= 1 else None
        try:
            data = load_corpus_file(file)
            summary = import_corpus(data, stdout=stdout, source_name=Path(file).name)
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if stdout is not None:
            self.stdout.write(summary.table())
