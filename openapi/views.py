"""The open API's endpoints: /api/v2/pages/, images/ and documents/, Wagtail's API v2 viewsets
made read-only and public (content.py), strict about their parameters (filters.py), limited
per client (guards/limits.py), with the fields each model declares in ``api_fields``.

A list of pages shows each page with its own type's fields (a course's duration, an event's
start), as the page's own answer does: Wagtail's lists would show only the fields all types
share unless a single ``type`` is asked for.
"""

from django.http import Http404
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from wagtail.api import APIField
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework import exceptions
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import BaseThrottle

from guards.limits import limited
from openapi.content import public_resources, specific_resources, without_private_collections
from openapi.filters import (
    ORDER,
    PAGE_FILTERS,
    PAGE_ORDERING_FIELDS,
    PAGING,
    Ordering,
    PageFilters,
    check_parameters,
    requested_models,
)
from openapi.pagination import BoundedPagination
from resources.api_fields import ComputedField
from resources.models import ResourcePage

RATE_LIMIT_SCOPE = "api"
# Ids are the database's integers.
MAX_ID = 2**31 - 1


class ClientLimit(BaseThrottle):
    """The API's share of settings.PUBLIC_RATE_LIMITS, per client."""

    def allow_request(self, request, view):
        self.seconds = limited(request, RATE_LIMIT_SCOPE)
        return self.seconds is None

    def wait(self):
        return self.seconds


class PublicAPIViewSet:
    """What the three endpoints share (mixed in before Wagtail's viewset)."""

    # No sessions or passwords: nothing an answer holds depends on who asks.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientLimit]
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    listing_parameters = (*PAGING, ORDER)
    ordering_fields = ("id",)
    detail_only_fields = []

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)  # every documented field, in lists too

    @classmethod
    def get_urlpatterns(cls):
        # No find/ view (a page's address is its html_url). Any detail address reaches the
        # view, so that one that is no id gets the API's 404, not the site's HTML page.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<str:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def check_query_parameters(self, queryset):
        check_parameters(self.request, self.listing_parameters)

    def detail_view(self, request, pk):
        if not (pk.isascii() and pk.isdigit() and int(pk[:12]) <= MAX_ID):
            raise Http404
        check_parameters(request, ())
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, Http404):  # one message, not the model's name
            exc = Http404(_("Finnes ikke, eller er ikke publisert og offentlig."))
        response = super().handle_exception(exc)
        if isinstance(exc, exceptions.Throttled):
            response.data = {
                "message": _("For mange forespørsler på kort tid. Prøv igjen om %(seconds)s s.")
                % {"seconds": exc.wait}
            }
            add_never_cache_headers(response)
        elif isinstance(response.data, dict) and "detail" in response.data:
            # DRF's own errors (405, 406) in Wagtail's shape.
            response.data = {"message": str(response.data["detail"])}
        return response


class ResourceTypeField(Field):
    """The page's resource type key ("course"), the value ``?type=`` takes."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        return page.resource_type.key


class ResourceSerializer(PageSerializer):
    type = ResourceTypeField()


class PagesViewSet(PublicAPIViewSet, PagesAPIViewSet):
    """Published public resources of every type."""

    model = ResourcePage
    base_serializer_class = ResourceSerializer
    filter_backends = [PageFilters]
    listing_parameters = (*PAGING, ORDER, *PAGE_FILTERS)
    ordering_fields = PAGE_ORDERING_FIELDS
    body_fields = ["id", "title"]
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "locale",
        "first_published_at",
        "last_published_at",
    ]

    def get_base_queryset(self):
        return public_resources()

    def get_queryset(self):
        return public_resources(requested_models(self.request))

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        window = self.paginate_queryset(self.filter_queryset(queryset))
        pages = specific_resources(list(window.values_list("pk", flat=True)))
        return self.get_paginated_response([self.serialize(page) for page in pages])

    def serialize(self, page):
        """``page`` with its own type's fields."""
        classes = self.__dict__.setdefault("_serializer_classes", {})
        model = type(page)
        if model not in classes:
            classes[model] = self._get_serializer_class(
                self.request.wagtailapi_router, model, [], show_details=False
            )
        return classes[model](page, context=self.get_serializer_context()).data


class ImagesViewSet(PublicAPIViewSet, ImagesAPIViewSet):
    """Images outside private collections; the original file is ``download_url`` (a page's
    own ``image`` field gives a rendition)."""

    filter_backends = [Ordering]
    ordering_fields = ("id", "title", "created_at")
    body_fields = [
        "id",
        "title",
        "width",
        "height",
        # The description editors give as alt text, or the title.
        APIField("alt", serializer=ComputedField({"type": "string"}, source="default_alt_text")),
    ]
    meta_fields = ["type", "detail_url", "download_url"]

    def get_queryset(self):
        return without_private_collections(self.model.objects.all())


class DocumentsViewSet(PublicAPIViewSet, DocumentsAPIViewSet):
    """Documents outside private collections (their files are served by /documents/, which
    checks the collection again)."""

    filter_backends = [Ordering]
    ordering_fields = ("id", "title", "created_at")
    body_fields = ["id", "title"]
    meta_fields = ["type", "detail_url", "download_url"]

    def get_queryset(self):
        return without_private_collections(self.model.objects.all())
