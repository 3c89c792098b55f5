"""The page's schema.org structured data as a JSON-LD <script> (resources/structured_data.py)."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from resources.structured_data import structured_data_for

register = template.Library()

# The escapes of django.utils.html.json_script: editor text such as "</script>" cannot end the
# element early, and JSON parsers read the \u escapes back as the same characters. json_script
# itself cannot be used because it always writes type="application/json".
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context):
    """<script type="application/ld+json"> for the page in the context; nothing for a page
    whose type has no structured data."""
    page = context.get("page")
    data = structured_data_for(page, context.get("request")) if page is not None else None
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - <, > and & escaped above
    )
