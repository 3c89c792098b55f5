"""Digital Object Identifiers (DOI) of research publications: checking what an editor or the
import file gives ("10.1234/abc", "doi:10.1234/abc" or "https://doi.org/10.1234/abc") and the
link that resolves one.

A DOI is "10.", a registrant code of digits (dot-separated parts allowed), a slash and a
suffix of any printable characters (ISO 26324; the DOI Handbook, section 2.2). Crossref's own
pattern for modern DOIs is stricter, but older DOIs use characters it leaves out, so only
spaces and control characters are refused here.
"""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RESOLVER = "https://doi.org/"
DOI_PATTERN = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")
# Prefixes people paste along with the DOI itself.
PREFIXES = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
MAX_LENGTH = 200


def normalise_doi(value):
    """The bare DOI in ``value`` ("10.1234/abc"); ValidationError when it is not one."""
    doi = PREFIXES.sub("", (value or "").strip())
    if len(doi) > MAX_LENGTH or not DOI_PATTERN.fullmatch(doi):
        raise ValidationError(
            _("«%(value)s» er ikke en DOI. En DOI ser slik ut: 10.1234/abcd.5678."),
            code="invalid_doi",
            params={"value": value},
        )
    return doi


def validate_doi(value):
    """Field validator: accepts a DOI with or without its doi.org address."""
    if value:
        normalise_doi(value)


def doi_url(doi):
    """The doi.org address that resolves ``doi`` (characters that would end the path, such as
    "?" and "#", percent-encoded)."""
    return RESOLVER + quote(doi, safe="/:;()")
