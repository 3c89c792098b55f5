"""Checking an uploaded SCORM zip, unpacking it under MEDIA_ROOT/scorm/<key>/, and removing it.

``check_package`` reads the zip without writing anything and raises PackageError (a
ValidationError with a Norwegian message) for anything unsafe or unusable; ``unpack`` writes
the files to a temporary folder beside the final one and renames it into place, so a package
folder is either complete or absent. The limits can be set in settings:

- ``SCORM_MAX_UPLOAD_SIZE``: the zip itself (default 200 MB)
- ``SCORM_MAX_UNPACKED_SIZE``: all files unpacked (default 500 MB)
- ``SCORM_MAX_FILES``: number of files (default 5000)
- ``SCORM_MAX_COMPRESSION_RATIO``: unpacked/packed size of a large file (default 100), against
  zip bombs
"""

import re
import shutil
import stat
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from courses.scorm.manifest import ManifestError, read_manifest

MANIFEST = "imsmanifest.xml"
MANIFEST_MAX_SIZE = 5 * 1024 * 1024
# Files smaller than this may compress as well as they like (a page of blank lines does).
RATIO_CHECK_FROM = 1024 * 1024
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
DEFAULTS = {
    "SCORM_MAX_UPLOAD_SIZE": 200 * 1024 * 1024,
    "SCORM_MAX_UNPACKED_SIZE": 500 * 1024 * 1024,
    "SCORM_MAX_FILES": 5000,
    "SCORM_MAX_COMPRESSION_RATIO": 100,
}


class PackageError(ValidationError):
    """The upload is not a usable SCORM 1.2 package; the message says why, for the editor."""


@dataclass(frozen=True)
class PackageInfo:
    title: str  # the default organization's title, may be empty
    launch: str  # the SCO's href, relative to the package root
    size: int  # bytes unpacked
    files: int


def limit(name):
    return getattr(settings, name, DEFAULTS[name])


def scorm_root():
    return Path(settings.MEDIA_ROOT) / "scorm"


def package_dir(key):
    """Where the package with this key is (or would be) unpacked."""
    return scorm_root() / str(uuid.UUID(str(key)))


def unsafe_name(name):
    """Why a member name may not be unpacked, or None when it is a plain relative path."""
    if "\\" in name or "\x00" in name:
        return _("bakover-skråstrek eller nulltegn i filnavnet")
    if name.startswith("/") or DRIVE_LETTER.match(name):
        return _("absolutt sti")
    if any(part == ".." for part in name.split("/")):
        return _("«..» i stien")
    return None


def _is_symlink(info):
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _open_zip(upload):
    if getattr(upload, "size", 0) > limit("SCORM_MAX_UPLOAD_SIZE"):
        raise PackageError(
            _("Filen er for stor (%(size)s). Største tillatte SCORM-pakke er %(max)s.")
            % {
                "size": filesizeformat(upload.size),
                "max": filesizeformat(limit("SCORM_MAX_UPLOAD_SIZE")),
            }
        )
    upload.seek(0)
    try:
        return zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise PackageError(
            _("Filen er ikke en zip-fil, eller den er skadet. Last opp SCORM-pakken som .zip.")
        ) from error


def _check_members(archive):
    members = archive.infolist()
    files = [info for info in members if not info.is_dir()]
    names = set()
    for info in members:
        reason = unsafe_name(info.filename)
        if reason is None and _is_symlink(info):
            reason = _("symbolsk lenke")
        if reason is None and info.flag_bits & 0x1:
            reason = _("passordbeskyttet")
        if reason is None and info.filename.rstrip("/").lower() in names:
            reason = _("filnavnet finnes to ganger")
        if reason is not None:
            raise PackageError(
                _("Pakken inneholder en fil som ikke kan pakkes ut trygt: %(name)s (%(reason)s).")
                % {"name": info.filename[:200], "reason": reason}
            )
        names.add(info.filename.rstrip("/").lower())
    if len(files) > limit("SCORM_MAX_FILES"):
        raise PackageError(
            _("Pakken har for mange filer (%(count)s). Største tillatte antall er %(max)s.")
            % {"count": len(files), "max": limit("SCORM_MAX_FILES")}
        )
    size = sum(info.file_size for info in files)
    if size > limit("SCORM_MAX_UNPACKED_SIZE"):
        raise PackageError(
            _("Pakken er for stor utpakket (%(size)s). Største tillatte størrelse er %(max)s.")
            % {
                "size": filesizeformat(size),
                "max": filesizeformat(limit("SCORM_MAX_UNPACKED_SIZE")),
            }
        )
    ratio = limit("SCORM_MAX_COMPRESSION_RATIO")
    for info in files:
        if info.file_size >= RATIO_CHECK_FROM and info.file_size > ratio * max(
            info.compress_size, 1
        ):
            raise PackageError(
                _(
                    "Pakken ser ut som en zip-bombe: %(name)s pakkes ut til mer enn %(ratio)s "
                    "ganger sin egen størrelse."
                )
                % {"name": info.filename[:200], "ratio": ratio}
            )
    return files, size


def _read_manifest(archive, names):
    if MANIFEST not in names:
        raise PackageError(
            _(
                "Fant ikke imsmanifest.xml i roten av zip-filen. Pakk filene slik at "
                "imsmanifest.xml ligger øverst, ikke i en undermappe."
            )
        )
    info = archive.getinfo(MANIFEST)
    if info.file_size > MANIFEST_MAX_SIZE:
        raise PackageError(_("imsmanifest.xml er for stor."))
    try:
        return read_manifest(archive.read(info))
    except ManifestError as error:
        raise PackageError(str(error)) from error


def check_package(upload):
    """PackageInfo for a valid SCORM 1.2 zip (``upload``: a file object); PackageError if not.

    Reads the whole archive once (CRC check), but writes nothing.
    """
    with _open_zip(upload) as archive:
        files, size = _check_members(archive)
        names = {info.filename for info in files}
        manifest = _read_manifest(archive, names)
        launch_path = manifest.launch_path
        if unsafe_name(launch_path) or launch_path not in names:
            raise PackageError(
                _("Startfilen %(launch)s som imsmanifest.xml oppgir, finnes ikke i pakken.")
                % {"launch": manifest.launch[:200]}
            )
        try:
            broken = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
            broken = str(error) or "?"
        if broken is not None:
            raise PackageError(
                _("Zip-filen er skadet (%(name)s kan ikke leses). Lag pakken på nytt.")
                % {"name": broken[:200]}
            )
    upload.seek(0)
    return PackageInfo(title=manifest.title, launch=manifest.launch, size=size, files=len(files))


def unpack(upload, key):
    """Unpack a checked zip to MEDIA_ROOT/scorm/<key>/: into a temporary folder first, then
    renamed into place, so a reader never sees half a package."""
    target = package_dir(key)
    scorm_root().mkdir(parents=True, exist_ok=True)
    incoming = scorm_root() / f".incoming-{uuid.uuid4()}"
    incoming.mkdir()
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            for info in archive.infolist():
                if unsafe_name(info.filename) or _is_symlink(info):
                    raise PackageError(_("Pakken inneholder en fil som ikke kan pakkes ut trygt."))
                destination = incoming.joinpath(*PurePosixPath(info.filename).parts)
                if info.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as source, destination.open("xb") as sink:
                    shutil.copyfileobj(source, sink, 1024 * 1024)
        incoming.rename(target)
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    finally:
        upload.seek(0)
    return target


def remove(key):
    """Delete the package's unpacked folder (no error if it is gone already)."""
    shutil.rmtree(package_dir(key), ignore_errors=True)
