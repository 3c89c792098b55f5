"""/api/v2/: the endpoints and their OpenAPI document, all in the router's namespace."""

from django.urls import include, path

from openapi import schema
from openapi.router import NAMESPACE, router

urlpatterns = [
    path(
        "",
        include(
            (
                [
                    path("openapi.json", schema.document_view, name="openapi"),
                    *router.get_urlpatterns(),
                ],
                NAMESPACE,
            )
        ),
    ),
]
