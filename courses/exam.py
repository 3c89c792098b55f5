"""The exam: the form, server-side scoring, the result with "Se svar"."""

from django.http import Http404


def exam(request, course):
    raise Http404("not built yet")
