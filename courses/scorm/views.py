"""The SCORM player page, its result endpoint and the package files."""

from django.http import Http404


def player(request, course):
    raise Http404("not built yet")


def result(request, course):
    raise Http404("not built yet")
