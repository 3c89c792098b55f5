"""Relevance evaluation: graded judgments in, nDCG@10, recall@10 and MRR out.

Queries run through search.query.search, the same code path as the API and the search page.
Judgments name items by their corpus id (ResourcePage.source_id). A query marked
``"expect": "nothing"`` is about something the portal does not cover ("boliglån"): it has no
judgments and scores 1 on every measure when it returns nothing, 0 when it returns anything.
"""

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from search.query import SearchParams, search

K = 10
FORMAT = "kompetansebroen-judgments/1"
DEFAULT_JUDGMENTS = Path(__file__).resolve().parent / "judgments.json"


class JudgmentsError(ValueError):
    pass


def load_judgments(path):
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise JudgmentsError(f"{path}: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise JudgmentsError(f"{path}: not a {FORMAT} file")
    queries = data.get("queries")
    if not isinstance(queries, list) or not queries:
        raise JudgmentsError(f"{path}: no queries")
    for number, entry in enumerate(queries, start=1):
        if not isinstance(entry.get("query"), str) or not entry["query"].strip():
            raise JudgmentsError(f"{path}: query {number} has no query text")
        grades = entry.get("judgments")
        if entry.get("expect") == "nothing" and grades in (None, {}):
            continue
        if not isinstance(grades, dict) or not grades:
            raise JudgmentsError(f"{path}: query {number} has no judgments")
        if not all(isinstance(g, int) and 0 <= g <= 3 for g in grades.values()):
            raise JudgmentsError(f"{path}: query {number}: grades must be whole numbers 0–3")
    return queries


def dcg(gains):
    return sum((2**gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at_k(ranked_ids, grades, k=K):
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([grades.get(item, 0) for item in ranked_ids[:k]]) / ideal


def recall_at_k(ranked_ids, grades, k=K):
    relevant = {item for item, grade in grades.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked_ids[:k])) / len(relevant)


def reciprocal_rank(ranked_ids, grades):
    for rank, item in enumerate(ranked_ids, start=1):
        if grades.get(item, 0) > 0:
            return 1.0 / rank
    return 0.0


@dataclass
class Evaluation:
    rows: list = field(default_factory=list)  # (query, case, ndcg, recall, rr, top ids)

    def mean(self, column):
        values = [row[column] for row in self.rows]
        return sum(values) / len(values) if values else 0.0

    @property
    def ndcg(self):
        return self.mean(2)

    @property
    def recall(self):
        return self.mean(3)

    @property
    def mrr(self):
        return self.mean(4)


def evaluate(queries, k=K):
    evaluation = Evaluation()
    for entry in queries:
        outcome = search(SearchParams(query=entry["query"], page_size=k))
        ranked = [page.source_id for page in outcome.results]
        if entry.get("expect") == "nothing":
            right = 0.0 if ranked else 1.0
            evaluation.rows.append(
                (entry["query"], entry.get("case", ""), right, right, right, ranked)
            )
            continue
        grades = entry["judgments"]
        evaluation.rows.append(
            (
                entry["query"],
                entry.get("case", ""),
                ndcg_at_k(ranked, grades, k),
                recall_at_k(ranked, grades, k),
                reciprocal_rank(ranked, grades),
                ranked,
            )
        )
    return evaluation


def backend_label():
    """What the evaluation ran on: the database ("postgresql", "sqlite") or the engine
    ("opensearch", "elasticsearch")."""
    from django.db import connection

    from wagtail.search.backends import get_search_backend

    modules = [cls.__module__ for cls in type(get_search_backend()).__mro__]
    for engine in ("opensearch", "elasticsearch"):
        if any(engine in module for module in modules):
            return engine
    return connection.vendor


def summary(evaluation):
    """The figures as printed by ``manage.py search_eval`` and in CI's log."""
    by_case = {}
    for row in evaluation.rows:
        by_case.setdefault(row[1], []).append(row[2])
    return (
        f"Search relevance on {backend_label()} ({len(evaluation.rows)} queries): "
        f"nDCG@10 {evaluation.ndcg:.3f}  recall@10 {evaluation.recall:.3f}  "
        f"MRR {evaluation.mrr:.3f}\n"
        "  nDCG@10 by case: "
        + ", ".join(f"{case} {sum(v) / len(v):.3f}" for case, v in sorted(by_case.items()))
    )
