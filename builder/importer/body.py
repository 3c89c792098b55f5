"""Corpus body blocks and text lists -> raw StreamField data for blocks.library.

Raw ``{"type", "value"}`` dicts are what StreamField stores, so they can be assigned directly;
all corpus text is plain and escaped before it goes into rich-text HTML.
"""

from django.utils.html import escape


def _list_html(block):
    intro = f"<p>{escape(block['text'])}</p>" if block["text"] else ""
    entries = "".join(f"<li>{escape(entry)}</li>" for entry in block["items"])
    return f"{intro}<ul>{entries}</ul>"


def body_stream(blocks):
    """Validated corpus blocks (heading | paragraph | list) -> body StreamField data."""
    stream = []
    for block in blocks:
        if block["type"] == "heading":
            stream.append({"type": "heading", "value": {"text": block["text"], "level": "h2"}})
        elif block["type"] == "list":
            stream.append({"type": "paragraph", "value": _list_html(block)})
        else:
            stream.append({"type": "paragraph", "value": f"<p>{escape(block['text'])}</p>"})
    return stream


def text_list_stream(values):
    """Short texts (partners, goals, guests' roles) -> data for blocks.library.text_list_blocks."""
    return [{"type": "item", "value": value} for value in values]


def paragraphs_html(text):
    """Plain text -> rich-text HTML: a paragraph per blank-line-separated part."""
    parts = [part.strip() for part in text.split("\n\n")]
    return "".join(f"<p>{escape(part)}</p>" for part in parts if part)
