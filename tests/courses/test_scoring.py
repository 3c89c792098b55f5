"""Scoring rules (courses/scoring.py): right, partly right, wrong, unanswered and tampered."""

import random

from django.http import QueryDict

import pytest

from courses.scoring import (
    Option,
    Question,
    Tampered,
    Unanswered,
    read_answers,
    score,
    shuffled,
)

SINGLE = Question(
    id="q1",
    text="Én riktig",
    options=(Option("a", "A", True, ""), Option("b", "B", False, "")),
)
MULTIPLE = Question(
    id="q2",
    text="To riktige",
    options=(Option("c", "C", True, ""), Option("d", "D", True, ""), Option("e", "E", False, "")),
)
QUESTIONS = [SINGLE, MULTIPLE]


def form(**fields):
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name.replace("_", "-"), values)
    return data


def test_all_right_scores_full_marks_and_passes():
    result = score(QUESTIONS, read_answers(QUESTIONS, form(svar_q1=["a"], svar_q2=["c", "d"])), 80)
    assert (result.right, result.total, result.percent, result.passed) == (2, 2, 100, True)
    assert all(item.right for item in result.marked)


def test_partly_right_multiple_choice_counts_as_wrong_but_is_marked_partly():
    result = score(QUESTIONS, read_answers(QUESTIONS, form(svar_q1=["a"], svar_q2=["c"])), 80)
    assert (result.right, result.percent, result.passed) == (1, 50, False)
    multiple = result.marked[1]
    assert not multiple.right and multiple.partly


def test_an_extra_wrong_option_makes_a_question_wrong():
    answers = read_answers(QUESTIONS, form(svar_q1=["a"], svar_q2=["c", "d", "e"]))
    assert score(QUESTIONS, answers, 50).marked[1].right is False


def test_all_wrong_scores_nothing():
    result = score(QUESTIONS, read_answers(QUESTIONS, form(svar_q1=["b"], svar_q2=["e"])), 50)
    assert (result.right, result.percent, result.passed) == (0, 0, False)
    assert not result.marked[0].partly and not result.marked[1].partly


def test_pass_mark_is_compared_in_whole_numbers():
    questions = [
        Question(
            id=f"q{n}",
            text="",
            options=(Option(f"r{n}", "", True, ""), Option(f"w{n}", "", False, "")),
        )
        for n in range(5)
    ]
    four_of_five = form(**{f"svar_q{n}": [f"r{n}" if n else "w0"] for n in range(5)})
    result = score(questions, read_answers(questions, four_of_five), 80)
    assert (result.right, result.percent, result.passed) == (4, 80, True)
    assert score(questions, read_answers(questions, four_of_five), 81).passed is False


@pytest.mark.parametrize(
    "fields",
    [
        {"svar_q1": ["a"], "svar_q2": ["c"], "svar_zzz": ["a"]},  # unknown question
        {"svar_q1": ["a"], "svar_q2": ["c", "c"]},  # repeated option
        {"svar_q1": ["x"], "svar_q2": ["c"]},  # unknown option
        {"svar_q1": ["c"], "svar_q2": ["d"]},  # another question's option
        {"svar_q1": ["a", "b"], "svar_q2": ["c"]},  # two answers to a single-choice question
    ],
)
def test_tampered_submissions_are_refused(fields):
    with pytest.raises(Tampered):
        read_answers(QUESTIONS, form(**fields))


def test_unanswered_questions_are_named():
    with pytest.raises(Unanswered) as caught:
        read_answers(QUESTIONS, form(svar_q1=["a"]))
    assert [question.id for question in caught.value.questions] == ["q2"]


def test_shuffling_keeps_every_question_and_option():
    rng = random.Random(4)  # noqa: S311 (a repeatable order for the test)
    orders = {tuple(q.id for q in shuffled(QUESTIONS, rng)) for _ in range(20)}
    assert orders == {("q1", "q2"), ("q2", "q1")}
    for question in shuffled(QUESTIONS, rng):
        original = next(q for q in QUESTIONS if q.id == question.id)
        assert sorted(question.options, key=lambda o: o.id) == sorted(
            original.options, key=lambda o: o.id
        )
        assert question.right_ids == original.right_ids
