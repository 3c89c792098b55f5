"""Readable ASCII slugs for Norwegian titles ("pårørende" → "parorende", not "parrende")."""

from django.utils.text import slugify

from anyascii import anyascii


def norwegian_slug(text, max_length=100):
    """æ/ø/å (and other letters) transliterated rather than dropped, as Django would."""
    return slugify(anyascii(text))[:max_length].strip("-")
