"""The corpus importer: ``kompetansebro-corpus/1`` JSON -> taxonomy and published pages.

Used by ``manage.py import_corpus``, the demo-data command and the benchmarks.
"""

from builder.importer.summary import ImportSummary
from builder.importer.upsert import import_corpus
from builder.importer.validate import FORMAT, CorpusError, load_corpus_file, validate_corpus

__all__ = [
    "FORMAT",
    "CorpusError",
    "ImportSummary",
    "import_corpus",
    "load_corpus_file",
    "validate_corpus",
]
