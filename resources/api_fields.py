"""What the open API (/api/v2/, the openapi app) shows of a resource beyond its plain fields.

Each page model lists its fields in ``api_fields`` (Wagtail's API convention) and the related
rows they read in ``api_related``. Plain model fields need nothing more; the serializer fields
here shape the rest (topics and regions as slugs and names, the image as a rendition, the
addresses of a podcast's sound or feed), and each says what it emits as a JSON Schema
(``schema``), which the API's OpenAPI document reads.
"""

from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField

from rest_framework import fields

# The rendition schema.org's structured data uses (resources/structured_data.py): a page that
# has been viewed has it already, so listing it makes no new image.
IMAGE_SPEC = "fill-1200x675"

TERM = {
    "type": "object",
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
    "required": ["slug", "name"],
    "additionalProperties": False,
}
URL_OR_NULL = {"type": ["string", "null"], "format": "uri"}


def term_json(term):
    return {"slug": term.slug, "name": term.name}


class TermsField(fields.Field):
    """Topics or audiences, by name (as the models order them)."""

    schema = {"type": "array", "items": TERM}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        return [term_json(term) for term in manager.all()]


class TermField(fields.Field):
    """One topic or region, or null."""

    schema = {"anyOf": [TERM, {"type": "null"}]}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, term):
        return term_json(term)


class AreasField(fields.Field):
    """The regions a resource is shown in (its owner and those it is shared into); empty for
    national content shown in every area (ResourcePage.shown_in_areas)."""

    schema = {"type": "array", "items": TERM}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, page):
        return page

    def to_representation(self, page):
        return [term_json(region) for region in page.shown_in_areas()]


class ImageField(ImageRenditionField):
    """Wagtail's rendition field, with ``full_url`` on the address the API was asked at
    (Wagtail's uses the admin's base URL)."""

    schema = {
        "anyOf": [
            {
                "type": "object",
                "properties": {
                    "url": {"type": "string"},
                    "full_url": {"type": "string", "format": "uri"},
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                    "alt": {"type": "string"},
                },
                "required": ["url", "full_url", "width", "height", "alt"],
                "additionalProperties": False,
            },
            # The image's file is missing (Wagtail's error shape).
            {
                "type": "object",
                "properties": {"error": {"type": "string"}},
                "required": ["error"],
                "additionalProperties": False,
            },
            {"type": "null"},
        ]
    }

    def __init__(self, **kwargs):
        super().__init__(IMAGE_SPEC, read_only=True, **kwargs)

    def to_representation(self, image):
        data = dict(super().to_representation(image))
        if "url" in data:
            data["full_url"] = get_full_url(self.context["request"], data["url"])
        return data


class AbsoluteUrlField(fields.Field):
    """An address ``locate(page)`` gives as a path of the site or a URL elsewhere, made
    absolute; null when there is none."""

    schema = URL_OR_NULL

    def __init__(self, locate, **kwargs):
        self.locate = locate
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, page):
        return self.locate(page) or None

    def to_representation(self, url):
        return get_full_url(self.context["request"], url)


class ComputedField(fields.ReadOnlyField):
    """A property of the page, as it is, with the JSON Schema of what it gives."""

    def __init__(self, schema, **kwargs):
        self.schema = schema
        super().__init__(**kwargs)


def computed(name, schema, source=None):
    """An APIField for the page's property ``source`` (default: ``name``)."""
    return APIField(name, serializer=ComputedField(schema, source=source))


# What every resource shows: the page's id and title come from Wagtail's API itself, the type,
# addresses, language and publishing times as its "meta" (openapi/views.py).
RESOURCE_API_FIELDS = [
    APIField("summary"),
    APIField("date"),
    APIField("topics", serializer=TermsField()),
    APIField("audiences", serializer=TermsField()),
    APIField("region", serializer=TermField(source="owner_region")),
    APIField("areas", serializer=AreasField()),
    APIField("image", serializer=ImageField()),
    # What the page shows under its image and as "sist faglig oppdatert" (not the review-by
    # date: editors' own).
    APIField("image_caption"),
    APIField("image_credit"),
    APIField("last_reviewed"),
]
