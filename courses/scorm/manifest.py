"""Reading a SCORM 1.2 imsmanifest.xml: is it SCORM 1.2, and which file starts the course.

The manifest comes from an editor's upload, so it is parsed with a document type declaration
refused outright: no DTD means no entity declarations, so no entity expansion (billion laughs,
external entities). Elements are matched by local name, as real packages are loose about the
IMS namespaces.
"""

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree
from xml.parsers import expat

from django.utils.translation import gettext_lazy as _

ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class ManifestError(ValueError):
    """The manifest cannot be used; the message is for the editor (Norwegian)."""


@dataclass(frozen=True)
class Manifest:
    title: str
    launch: str  # the SCO's href (with the item's parameters), relative to the package root

    @property
    def launch_path(self):
        """The launch file's path inside the package, without query or fragment."""
        return unquote(urlsplit(self.launch).path)


def _refuse_doctype(*args):
    raise ManifestError(
        _(
            "imsmanifest.xml har en dokumenttypedeklarasjon (DOCTYPE/ENTITY). Det tillates ikke "
            "av sikkerhetshensyn; fjern den og last opp pakken på nytt."
        )
    )


def _check_no_doctype(data):
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise ManifestError(
            _("imsmanifest.xml er ikke gyldig XML (%(error)s).") % {"error": error}
        ) from error


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element, name):
    return [child for child in element if _local(child.tag) == name]


def _first_text(element, name):
    for child in element.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return ""


def _scorm_type(resource):
    for key, value in resource.attrib.items():
        if key.lower().endswith("scormtype"):
            return value.strip().lower()
    return ""


def _check_version(root):
    namespaces = {
        key.split("}")[0].lstrip("{") for element in root.iter() for key in element.attrib
    }
    namespaces |= {element.tag.split("}")[0].lstrip("{") for element in root.iter()}
    version = ""
    for metadata in _children(root, "metadata"):
        version = _first_text(metadata, "schemaversion")
    if ADLCP_2004 in namespaces or version.startswith("2004") or version.startswith("CAM 1.3"):
        raise ManifestError(
            _("Pakken er SCORM 2004. Bare SCORM 1.2 støttes; eksporter kurset som SCORM 1.2.")
        )
    if version not in ("", "1.2") or (not version and ADLCP_12 not in namespaces):
        raise ManifestError(
            _(
                "Pakken er ikke SCORM 1.2 (imsmanifest.xml oppgir verken schemaversion 1.2 eller "
                "ADL-navnerommet for SCORM 1.2)."
            )
        )


def _default_organization(root):
    organizations = next(iter(_children(root, "organizations")), None)
    if organizations is None:
        return None
    candidates = _children(organizations, "organization")
    default = organizations.get("default")
    chosen = [org for org in candidates if default and org.get("identifier") == default]
    return (chosen or candidates or [None])[0]


def _join_base(*parts):
    """xml:base prefixes (manifest, resources, resource) and the href, joined as paths."""
    return posixpath.join("", *[part.strip() for part in parts if part and part.strip()])


def _launchable(item, resources, bases):
    resource = resources.get(item.get("identifierref", ""))
    if resource is None or _scorm_type(resource) != "sco" or not resource.get("href"):
        return None
    href = _join_base(*bases, resource.get(XML_BASE, ""), resource.get("href").strip())
    parameters = (item.get("parameters") or "").strip()
    if parameters:
        separator = "" if parameters[0] in "?#" else ("&" if "?" in href else "?")
        href = f"{href}{separator}{parameters}"
    return href.removeprefix("./")


def read_manifest(data):
    """The Manifest in ``data`` (bytes of imsmanifest.xml); ManifestError if it is unusable."""
    _check_no_doctype(data)
    root = ElementTree.fromstring(data)  # noqa: S314 (no DTD: checked above)
    if _local(root.tag) != "manifest":
        raise ManifestError(_("imsmanifest.xml har ikke <manifest> som rotelement."))
    _check_version(root)
    resources_element = next(iter(_children(root, "resources")), ElementTree.Element("resources"))
    resources = {
        resource.get("identifier", ""): resource
        for resource in _children(resources_element, "resource")
    }
    bases = [root.get(XML_BASE, ""), resources_element.get(XML_BASE, "")]
    organization = _default_organization(root)
    if organization is not None:
        for item in organization.iter():
            if _local(item.tag) != "item":
                continue
            launch = _launchable(item, resources, bases)
            if launch:
                title = _first_text(organization, "title") or _first_text(item, "title")
                return Manifest(title=title[:255], launch=launch)
    raise ManifestError(
        _(
            "Fant ingen startbar leksjon (SCO) i imsmanifest.xml: standardorganiseringen må ha et "
            'element (item) som peker på en ressurs med adlcp:scormtype="sco" og href.'
        )
    )
