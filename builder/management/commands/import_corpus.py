"""manage.py import_corpus FILE: import a kompetansebro-corpus/1 file in one transaction."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from builder.importer import CorpusError, import_corpus, load_corpus_file


class Command(BaseCommand):
    help = (
        "Import a kompetansebro-corpus/1 JSON file: regions, topics, audiences and one "
        "published page per item. Running it again updates items that changed in the file, "
        "except pages editors have changed or unpublished since the last import; those are "
        "kept and counted. See docs/operations/importing.md."
    )
    # A bad file must give exactly one line on stderr, so system-check warnings stay out.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the corpus JSON file.")
        parser.add_argument(
            "--unpublish-missing",
            action="store_true",
            help=(
                "Unpublish (not delete) imported pages whose items are no longer in the file, "
                "unless an editor has changed them. Without it they are only counted."
            ),
        )

    def handle(self, *args, file, unpublish_missing, **options):
        stdout = self.stdout if options["verbosity"] >= 1 else None
        try:
            data = load_corpus_file(file)
            summary = import_corpus(
                data,
                stdout=stdout,
                source_name=Path(file).name,
                unpublish_missing=unpublish_missing,
            )
        except CorpusError as error:
            raise CommandError(str(error)) from error
        if stdout is not None:
            self.stdout.write(summary.table())
        if options["verbosity"] >= 2:
            for line in summary.page_lines():
                self.stdout.write(line)
