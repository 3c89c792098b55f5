"""Per-question counts of exam answers: recorded on every scored submission, read by the
admin report. Counts only, no personal data."""

from django.db import IntegrityError, transaction
from django.db.models import F

from courses.models import QuestionStat
from courses.scoring import questions_of


def record(course, result):
    with transaction.atomic():
        for item in result.marked:
            for _attempt in range(2):  # a concurrent first answer may create the row first
                updated = QuestionStat.objects.filter(
                    course=course, question_id=item.question.id
                ).update(answered=F("answered") + 1, right=F("right") + int(item.right))
                if updated:
                    break
                try:
                    with transaction.atomic():
                        QuestionStat.objects.create(
                            course_id=course.pk,
                            question_id=item.question.id,
                            answered=1,
                            right=int(item.right),
                        )
                    break
                except IntegrityError:
                    continue


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
