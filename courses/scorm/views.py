"""The SCORM player page and its result endpoint (routed from CoursePage: scorm/ and
scorm/resultat/). Taking the course needs no account: the package's progress stays in the
learner's browser, and the server only sees the final status and score of an attempt."""

import json
from urllib.parse import urlsplit

from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from courses.passes import attempt_token, claim_completion
from courses.scorm.results import ResultRefused, judge
from tally.counter import count
from tally.events import Event


def playable_package(course):
    """The course's package if the course is played here; Http404 otherwise."""
    package = course.package_to_play
    if package is None:
        raise Http404("this course has no SCORM package")
    return package


def launch_url(package):
    """The address of the package's launch file (with the query string its manifest gives)."""
    parts = urlsplit(package.launch)
    url = reverse("scorm_file", kwargs={"key": package.key, "path": parts.path})
    return url + (f"?{parts.query}" if parts.query else "")


def player(request, course):
    package = playable_package(course)
    response = TemplateResponse(
        request,
        "courses/scorm_player.html",
        {
            "page": course,
            "course": course,
            "package": package,
            "launch_url": launch_url(package),
            "result_url": course.get_url(request) + course.reverse_subpage("scorm_result"),
            "attempt": attempt_token(course),
        },
    )
    add_never_cache_headers(response)  # the attempt token is new on every visit
    return response


def result(request, course):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    playable_package(course)
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        return JsonResponse({"error": _("Resultatet fra kurset kunne ikke leses.")}, status=400)
    score = data.get("score") if isinstance(data.get("score"), dict) else {}
    try:
        token = judge(
            course,
            data.get("attempt"),
            data.get("status"),
            raw=score.get("raw"),
            minimum=score.get("min"),
            maximum=score.get("max"),
        )
    except ResultRefused as refusal:
        return JsonResponse({"error": str(refusal)}, status=400)
    if claim_completion(str(data.get("attempt"))):  # judged: the attempt token is genuine
        count(Event.COMPLETION, course.pk)
    return JsonResponse({"pass_token": token})
