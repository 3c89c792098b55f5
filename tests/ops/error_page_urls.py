"""The site's URLs and error handlers plus one view that fails, to see the real 500 page."""

from django.urls import path

from kompetansebroen.urls import handler500
from kompetansebroen.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [path("feil/", fail), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
