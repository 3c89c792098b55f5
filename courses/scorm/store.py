"""ScormPackage rows and their files kept together: a row is saved only after its zip was
checked and unpacked, and a deleted (or replaced) package's folder and zip go with it.

The admin form and the demo data both create packages through ``save_package``.
"""

import uuid

from django.core.files import File
from django.db import transaction
from django.db.models.signals import post_delete

from courses.models import ScormPackage
from courses.scorm.package import check_package, remove, unpack


def save_package(package, upload=None, info=None):
    """Save ``package``; with ``upload`` (a zip file object), check it (unless ``info`` from
    check_package is given), unpack it under a new key and store the zip.

    Raises PackageError before anything is written when the zip is unusable. A replaced
    package's old folder and zip are removed once the change is committed.
    """
    if upload is None:
        package.save()
        return package
    info = info or check_package(upload)
    # What is stored now (a form may already have put the upload on ``package.file``).
    previous = ScormPackage.objects.filter(pk=package.pk).values("key", "file").first() or {}
    package.key = uuid.uuid4()
    package.launch = info.launch
    package.size = info.size
    if not package.title:
        package.title = info.title or getattr(upload, "name", "") or "SCORM"
    unpack(upload, package.key)
    saved_zip = None
    try:
        with transaction.atomic():
            zip_file = upload if isinstance(upload, File) else File(upload)
            package.file.save(f"{package.key}.zip", zip_file, save=False)
            saved_zip = package.file.name
            package.save()
    except BaseException:
        remove(package.key)
        if saved_zip:
            package.file.storage.delete(saved_zip)
        raise
    if previous:
        storage = package.file.storage
        transaction.on_commit(lambda: _remove_files(previous["key"], previous["file"], storage))
    return package


def _remove_files(key, file_name, storage):
    remove(key)
    if file_name:
        storage.delete(file_name)


def remove_package_files(sender, instance, **kwargs):
    """post_delete receiver: the unpacked folder and the zip go once the delete is committed."""
    key, file_name, storage = instance.key, instance.file.name, instance.file.storage
    transaction.on_commit(lambda: _remove_files(key, file_name, storage))


def connect():
    post_delete.connect(
        remove_package_files, sender=ScormPackage, dispatch_uid="courses_scorm_package_files"
    )
