"""The open API's OpenAPI 3.1 document (/api/v2/openapi.json), built from what the code
declares: the resource types (resources/registry.py), each model's ``api_fields`` read through
the very serializers that answer, the parameters filters.py reads and the site's languages.

A new resource type, or a new field in a type's ``api_fields``, is in the document without
more work; a field whose JSON shape cannot be told from its serializer stops the build with a
message (give its serializer a ``schema``, as resources/api_fields.py does). The tests check
real answers against this document (tests/openapi/test_schema.py).
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageHtmlUrlField,
    PageLocaleField,
    TypeField,
)
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.images.api.v2.serializers import ImageDownloadUrlField

from rest_framework import serializers

from openapi import filters
from openapi.pagination import MAX_OFFSET
from openapi.router import router
from openapi.views import DocumentsViewSet, ImagesViewSet, PagesViewSet, ResourceTypeField
from regions.lookup import NATIONAL
from regions.models import Region
from resources.models import Audience, Topic
from resources.registry import resource_models

URL = {"type": "string", "format": "uri"}
ERROR = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
    "additionalProperties": False,
}
# Wagtail's own fields, by class.
WAGTAIL_FIELDS = {
    TypeField: {"type": "string"},  # "wagtailimages.Image"
    DetailUrlField: URL,
    PageHtmlUrlField: {"type": ["string", "null"], "format": "uri"},
    ImageDownloadUrlField: {"type": "string"},  # a path of the site, or a storage's URL
    DocumentDownloadUrlField: URL,
}
# Plain DRF fields (what ModelSerializer makes of model fields), most specific first.
DRF_FIELDS = (
    (serializers.BooleanField, {"type": "boolean"}),
    (serializers.IntegerField, {"type": "integer"}),
    (serializers.DateTimeField, {"type": "string", "format": "date-time"}),
    (serializers.DateField, {"type": "string", "format": "date"}),
    (serializers.CharField, {"type": "string"}),  # URL, e-mail and slug fields too
)


def languages():
    return [code for code, _name in settings.LANGUAGES]


def field_schema(field, model):
    """The JSON Schema of what ``field`` (a bound serializer field) gives for a ``model``."""
    if isinstance(field, ResourceTypeField):
        return {"const": model.resource_type.key}
    if isinstance(field, PageLocaleField):
        return {"enum": languages()}
    declared = getattr(field, "schema", None) or WAGTAIL_FIELDS.get(type(field))
    if declared is not None:
        return dict(declared)
    if isinstance(field, serializers.ChoiceField):
        schema = {"enum": [str(value) for value in field.choices]}
    else:
        schema = next(
            (dict(kind) for field_class, kind in DRF_FIELDS if isinstance(field, field_class)),
            None,
        )
    if schema is None:
        raise ImproperlyConfigured(
            f"The API field {model.__name__}.{field.field_name} ({type(field).__name__}) has no "
            "JSON Schema: give its serializer a `schema` (resources/api_fields.py)."
        )
    if field.allow_null:
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        else:
            schema["type"] = [schema["type"], "null"]
    return schema


def closed_object(properties):
    """An object with exactly these properties."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def object_schema(viewset, model):
    """What ``viewset`` answers for one ``model`` object, in a list and on its own."""
    serializer = viewset._get_serializer_class(router, model, [], show_details=True)()
    body, meta = {}, {}
    for name, field in serializer.fields.items():
        (meta if name in serializer.meta_fields else body)[name] = field_schema(field, model)
    return closed_object({"id": body.pop("id"), "meta": closed_object(meta), **body})


def parameter(name, schema, description, where="query", **extra):
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema,
        **extra,
    }


def choice(values):
    """A string among ``values`` (any string while there are none yet)."""
    return {"enum": list(values)} if values else {"type": "string"}


def paging_parameters(default_order, orderable):
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    return [
        parameter(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": limit_max, "default": 20},
            f"How many items to answer with (at most {limit_max}).",
        ),
        parameter(
            "offset",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
            "How many items to skip.",
        ),
        parameter(
            filters.ORDER,
            {
                "type": "array",
                "items": {"enum": [f"{sign}{name}" for name in orderable for sign in ("", "-")]},
                "maxItems": filters.MAX_ORDER_FIELDS,
            },
            f"Fields to order by, comma-separated; `-` before a field for descending order. "
            f"Default: `{','.join(default_order)}`.",
            style="form",
            explode=False,
        ),
    ]


def filter_values():
    """The slugs the pages list's filters accept now."""
    return {
        "regions": slugs(Region),
        "topics": slugs(Topic),
        "audiences": slugs(Audience),
    }


def page_parameters(regions, topics, audiences):
    """The parameters of the pages list, with the slugs its filters accept."""
    return [
        *paging_parameters(filters.DEFAULT_PAGE_ORDER, PagesViewSet.ordering_fields),
        parameter(
            "type",
            {"type": "array", "items": {"enum": list(resource_models())}},
            "Resource types, comma-separated.",
            style="form",
            explode=False,
        ),
        parameter(
            "area",
            choice(regions),
            "A region's slug: what a visitor who chose that area sees (its own items, items "
            "shared into it, and national items not limited to other areas).",
        ),
        parameter(
            "region",
            choice([NATIONAL, *regions]),
            f"A region's slug: items it owns or that are shared into it; `{NATIONAL}`: "
            "national items only (as /api/search/ and the site's lists filter).",
        ),
        parameter("topic", choice(topics), "A topic's slug (fagtema)."),
        parameter("audience", choice(audiences), "An audience's slug (målgruppe)."),
        parameter("locale", choice(languages()), "Only pages in this language."),
        parameter(
            "upcoming",
            {"type": "boolean"},
            "`true`: only events that have not ended, soonest first (unless `order` is given).",
        ),
    ]


def slugs(model):
    return sorted(set(model.objects.values_list("slug", flat=True)))


def responses(ok, *errors):
    described = {
        "200": {"description": "OK", "content": {"application/json": {"schema": ok}}},
        "400": "A parameter or its value is not accepted; the message says which.",
        "404": "No such object, or it is not published and public.",
        "429": "Too many requests from this client; try again after Retry-After seconds.",
    }
    answer = {"200": described["200"]}
    for status in errors:
        answer[status] = {
            "description": described[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        if status == "429":
            answer[status]["headers"] = {
                "Retry-After": {"schema": {"type": "integer"}, "required": True}
            }
    return answer


def endpoint_paths(name, listing_parameters, item, summary):
    listing = {
        "type": "object",
        "properties": {
            "meta": closed_object({"total_count": {"type": "integer", "minimum": 0}}),
            "items": {"type": "array", "items": item},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }
    object_id = parameter(
        "id", {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, "The id.", where="path"
    )
    return {
        f"/api/v2/{name}/": {
            "get": {
                "operationId": f"list_{name}",
                "summary": summary,
                "parameters": listing_parameters,
                "responses": responses(listing, "400", "429"),
            }
        },
        f"/api/v2/{name}/{{id}}/": {
            "get": {
                "operationId": f"get_{name}",
                "summary": f"One of {name}.",
                "parameters": [object_id],
                "responses": responses(item, "400", "404", "429"),
            }
        },
    }


@cache
def components():
    """The objects' schemas: they follow from the code alone."""
    schemas = {"Error": ERROR}
    for model in resource_models().values():
        schemas[model.__name__] = object_schema(PagesViewSet, model)
    schemas["Image"] = object_schema(ImagesViewSet, ImagesViewSet.model)
    schemas["Document"] = object_schema(DocumentsViewSet, DocumentsViewSet.model)
    return {"schemas": schemas}


def reference(name):
    return {"$ref": f"#/components/schemas/{name}"}


def document(values=None):
    """The whole document, with the regions, topics and audiences the filters accept (default:
    those the site has now)."""
    page = {"oneOf": [reference(model.__name__) for model in resource_models().values()]}
    paths = {
        **endpoint_paths(
            "pages",
            page_parameters(**(values or filter_values())),
            page,
            "Published public resources, each with its own type's fields.",
        ),
        **endpoint_paths(
            "images",
            paging_parameters((filters.TIEBREAKER,), ImagesViewSet.ordering_fields),
            reference("Image"),
            "Images outside private collections.",
        ),
        **endpoint_paths(
            "documents",
            paging_parameters((filters.TIEBREAKER,), DocumentsViewSet.ordering_fields),
            reference("Document"),
            "Documents outside private collections.",
        ),
        "/api/v2/openapi.json": {
            "get": {
                "operationId": "openapi_document",
                "summary": "This document.",
                "responses": responses({"type": "object"}),
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kompetansebroen API",
            "version": "2",
            "description": (
                "Read-only, public: published resources that no view restriction covers, and "
                "images and documents outside private collections. Guide: docs/api.md in the "
                "source; full-text search: /api/search/."
            ),
        },
        "paths": paths,
        "components": components(),
    }


@csrf_exempt  # answers 405 to other methods, as the endpoints do, rather than a CSRF 403
@require_GET
def document_view(request):
    return JsonResponse(document(), json_dumps_params={"ensure_ascii": False})
