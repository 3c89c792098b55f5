"""The exam page of a course taken in the portal: the form, scoring on the server, and the
result with "Se svar" (every question with the visitor's answers, the right ones and the
explanations). After a pass it offers the kursbevis form."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from courses import passes, stats
from courses.scoring import Tampered, Unanswered, questions_of, read_answers, score, shuffled
from tally.counter import count
from tally.events import Event

TEMPLATE = "courses/exam_page.html"


def exam(request, course):
    if not course.offers_exam:
        raise Http404("this course has no exam")
    questions = questions_of(course.exam_questions)
    if request.method == "POST":
        response = _submitted(request, course, questions)
    else:
        if course.shuffle_questions:
            questions = shuffled(questions)
        response = _form(request, course, questions, passes.attempt_token(course))
    # Each form carries a new attempt and each result a pass token: never from a cache, and
    # not shown again by the back button on a shared computer.
    add_never_cache_headers(response)
    return response


def _form(request, course, questions, attempt, chosen=None, error=None, missing=(), status=200):
    context = {
        "page": course,
        "course": course,
        "questions": questions,
        "attempt": attempt,
        "chosen": chosen or {},
        "error": error,
        "missing": {question.id for question in missing},
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


def _refused(request, course, message):
    context = {"page": course, "course": course, "refused": message}
    return TemplateResponse(request, TEMPLATE, context, status=400)


def _submitted(request, course, questions):
    order = request.POST.getlist("rekkefolge")  # the order the visitor saw the questions in
    try:
        attempt = passes.read_attempt(request.POST.get("forsok"), course)
    except passes.BadToken:
        return _refused(
            request,
            course,
            _("Eksamensforsøket er utløpt eller ugyldig. Start eksamenen på nytt."),
        )
    try:
        answers = read_answers(questions, request.POST)
    except Tampered:
        return _refused(
            request,
            course,
            _(
                "Besvarelsen passer ikke til spørsmålene i dette kurset, og den er ikke rettet. "
                "Start eksamenen på nytt."
            ),
        )
    except Unanswered as unanswered:
        chosen = {key: request.POST.getlist(key) for key in request.POST}
        return _form(
            request,
            course,
            _in_order(questions, order),
            request.POST.get("forsok"),
            chosen=chosen,
            error=_("Svar på alle spørsmålene før du leverer. Det mangler svar på %(count)s.")
            % {"count": len(unanswered.questions)},
            missing=unanswered.questions,
            status=400,
        )
    if not passes.claim_attempt(attempt):
        return _refused(
            request,
            course,
            _("Denne besvarelsen er allerede levert og rettet. Start eksamenen på nytt."),
        )
    result = score(questions, answers, course.pass_mark)
    stats.record(course, result)
    if result.passed:  # a completed course, in the usage statistics (tally/)
        count(Event.COMPLETION, course.pk)
    context = {
        "page": course,
        "course": course,
        "result": result,
        "marked": _in_order(result.marked, order, key=lambda item: item.question.id),
        "pass_token": (
            passes.pass_token(course, result.percent, attempt)
            if result.passed and course.offers_certificate
            else None
        ),
    }
    return TemplateResponse(request, TEMPLATE, context)


def _in_order(items, order, key=lambda question: question.id):
    """``items`` in the order the visitor saw them (the form posts it), unknown ids last."""
    position = {item_id: number for number, item_id in enumerate(order)}
    return sorted(items, key=lambda item: position.get(key(item), len(position)))
