"""A URL whose view fails, for the test that a 500's traceback reaches the log."""

from django.urls import path


def broken(request):
    raise RuntimeError("the view failed on purpose")


urlpatterns = [path("feil/", broken)]
