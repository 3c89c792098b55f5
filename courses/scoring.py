"""Exam questions as plain data, and scoring a submission on the server.

Rules (the exam page says them to the visitor):
- A question is right when the options chosen are exactly its right options; choosing some of
  them, or a wrong one besides, is "delvis riktig" and scores nothing for that question.
- The score is the share of questions right; the exam is passed when that share reaches the
  course's pass mark (compared in whole numbers, so 4 of 5 meets 80 %).
- A submission must answer every question of this course's exam and nothing else: an unknown
  question or option, another course's question, a repeated option, or several options on a
  single-choice question is tampering and scores nothing; a question left unanswered scores
  nothing either, and the visitor is told which.
"""

import random
from dataclasses import dataclass

ANSWER_PREFIX = "svar-"


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple

    @property
    def right_ids(self):
        return frozenset(option.id for option in self.options if option.correct)

    @property
    def right_count(self):
        return len(self.right_ids)

    @property
    def multiple(self):
        return self.right_count > 1

    @property
    def field_name(self):
        return ANSWER_PREFIX + self.id


@dataclass(frozen=True)
class Marked:
    question: Question
    chosen: frozenset

    @property
    def right(self):
        return self.chosen == self.question.right_ids

    @property
    def partly(self):
        return not self.right and bool(self.chosen & self.question.right_ids)

    def options(self):
        """(option, chosen) pairs in the question's order, for "Se svar"."""
        return [(option, option.id in self.chosen) for option in self.question.options]


@dataclass(frozen=True)
class Result:
    marked: tuple
    pass_mark: int

    @property
    def total(self):
        return len(self.marked)

    @property
    def right(self):
        return sum(1 for item in self.marked if item.right)

    @property
    def percent(self):
        return self.right * 100 // self.total if self.total else 0

    @property
    def passed(self):
        return self.total > 0 and self.right * 100 >= self.pass_mark * self.total


class Tampered(ValueError):
    """The submission was not made by the exam form: it scores nothing."""


class Unanswered(ValueError):
    def __init__(self, questions):
        super().__init__("unanswered: " + ", ".join(question.id for question in questions))
        self.questions = questions


def question_from_value(question_id, value):
    """A Question from a QuestionBlock's value (a StructValue)."""
    # Saved streams give every list item an id; an unsaved one (a preview) falls back to its
    # position.
    options = tuple(
        Option(
            id=str(item.id or f"{question_id}-{number}"),
            text=item.value["text"],
            correct=bool(item.value["correct"]),
            explanation=item.value["explanation"] or "",
        )
        for number, item in enumerate(value["options"].bound_blocks)
    )
    return Question(id=str(question_id), text=value["question"], options=options)


def questions_of(stream):
    """The questions of an exam stream (CoursePage.exam_questions), in the editor's order."""
    return [
        question_from_value(child.id, child.value)
        for child in stream
        if child.block_type == "question"
    ]


def shuffled(questions, rng=None):
    """The questions and each question's options in a new order for one attempt."""
    rng = rng or random.SystemRandom()
    result = [
        Question(id=q.id, text=q.text, options=tuple(rng.sample(q.options, len(q.options))))
        for q in questions
    ]
    rng.shuffle(result)
    return result


def read_answers(questions, data):
    """{question id: frozenset of option ids} from a submitted form (a QueryDict or a dict of
    lists). Raises Tampered or Unanswered as the module's rules say."""
    by_id = {question.id: question for question in questions}
    answers = {}
    for key in data:
        if not key.startswith(ANSWER_PREFIX):
            continue
        question = by_id.get(key.removeprefix(ANSWER_PREFIX))
        if question is None:
            raise Tampered("unknown question")
        values = data.getlist(key) if hasattr(data, "getlist") else list(data[key])
        chosen = frozenset(values)
        if len(chosen) != len(values):
            raise Tampered("repeated option")
        if not chosen <= {option.id for option in question.options}:
            raise Tampered("unknown option")
        if not question.multiple and len(chosen) > 1:
            raise Tampered("several options on a single-choice question")
        if chosen:
            answers[question.id] = chosen
    missing = [question for question in questions if question.id not in answers]
    if missing:
        raise Unanswered(missing)
    return answers


def score(questions, answers, pass_mark):
    marked = tuple(Marked(question, answers[question.id]) for question in questions)
    return Result(marked=marked, pass_mark=pass_mark)
