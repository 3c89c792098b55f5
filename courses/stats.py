"""Per-question counts of exam answers: recorded on every scored submission, read by the
admin report. Counts only, no personal data."""

from django.db import transaction
from django.db.models import Case, F, Value, When

from courses.models import QuestionStat
from courses.scoring import questions_of


def record(course, result):
    """Count one answer to each question of ``result`` (and one right answer to those it got
    right) in three queries, whatever the number of questions. Concurrent hand-ins are safe:
    missing rows are created with ON CONFLICT DO NOTHING, and the counts are incremented in
    the database."""
    ids = [item.question.id for item in result.marked]
    right = [item.question.id for item in result.marked if item.right]
    with transaction.atomic():
        stats = QuestionStat.objects.filter(course_id=course.pk, question_id__in=ids)
        present = set(stats.values_list("question_id", flat=True))
        QuestionStat.objects.bulk_create(
            [
                QuestionStat(course_id=course.pk, question_id=qid)
                for qid in ids
                if qid not in present
            ],
            ignore_conflicts=True,
        )
        stats.update(
            answered=F("answered") + 1,
            right=F("right") + Case(When(question_id__in=right, then=Value(1)), default=Value(0)),
        )


def question_rows(course):
    """(question, answered, share right in percent or None) for the course's current exam."""
    counts = {stat.question_id: stat for stat in QuestionStat.objects.filter(course_id=course.pk)}
    rows = []
    for question in questions_of(course.exam_questions):
        stat = counts.get(question.id)
        answered = stat.answered if stat else 0
        share = round(stat.right * 100 / answered) if answered else None
        rows.append((question, answered, share))
    return rows
