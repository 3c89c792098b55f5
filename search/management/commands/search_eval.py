"""python manage.py search_eval [JUDGMENTS.json]: relevance of the site search, in figures."""

from django.core.management.base import BaseCommand, CommandError

from resources.models import ResourcePage
from search.evaluation import (
    DEFAULT_JUDGMENTS,
    JudgmentsError,
    evaluate,
    load_judgments,
    summary,
)


class Command(BaseCommand):
    help = (
        "Run graded relevance judgments through the site search over the imported corpus "
        "(manage.py import_corpus first); print nDCG@10, recall@10, MRR."
    )

    def add_arguments(self, parser):
        parser.add_argument("judgments", nargs="?", default=str(DEFAULT_JUDGMENTS))
        parser.add_argument("--min-ndcg", type=float, default=None, help="fail below this")
        parser.add_argument("--verbose-queries", action="store_true", help="one line per query")

    def handle(self, *args, **options):
        try:
            queries = load_judgments(options["judgments"])
        except JudgmentsError as error:
            raise CommandError(str(error)) from error
        if not ResourcePage.objects.live().exclude(source_id="").exists():
            raise CommandError("No imported content: run import_corpus first.")
        evaluation = evaluate(queries)
        if options["verbose_queries"]:
            for query, case, ndcg, recall, rr, ranked in evaluation.rows:
                self.stdout.write(
                    f"  {ndcg:5.3f} {recall:5.3f} {rr:5.3f}  {case:<10} {query}  → "
                    + ", ".join(ranked[:5])
                )
        self.stdout.write(summary(evaluation))
        if options["min_ndcg"] is not None and evaluation.ndcg < options["min_ndcg"]:
            raise CommandError(
                f"nDCG@10 {evaluation.ndcg:.3f} is below the floor {options['min_ndcg']:.3f}"
            )
