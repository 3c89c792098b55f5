"""SCORM zips for the tests: the project's demo package, and small packages built to order."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from builder.demo.scorm_course import zip_package

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test" version="1"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Testkurs</title>
      <item identifier="i1" identifierref="r1"><title>Leksjon</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="{scormtype}" href="{href}">
      <file href="{href}"/>
    </resource>
  </resources>
</manifest>
"""


def manifest(href="index.html", scormtype="sco"):
    return MANIFEST_12.format(href=href, scormtype=scormtype)


def build_zip(files, symlinks=()):
    """A zip of ``files`` ({name: text or bytes}); ``symlinks`` are names stored as links."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        for name in symlinks:
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (0o120777 << 16) | 0
            archive.writestr(info, "index.html")
    return buffer.getvalue()


def small_package(**extra):
    """A minimal valid SCORM 1.2 package, plus ``extra`` files."""
    files = {"imsmanifest.xml": manifest(), "index.html": "<!DOCTYPE html><title>Leksjon</title>"}
    files.update(extra)
    return build_zip(files)


def upload(data, name="pakke.zip"):
    return SimpleUploadedFile(name, data, content_type="application/zip")


def demo_upload():
    return upload(zip_package(), "handhygiene.zip")
