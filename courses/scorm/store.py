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
    package's old folder is removed once the change is committed.
    """
    if upload is None:
        package.save()
        return package
    info = info or check_package(upload)
    old_key = package.key if package.pk else None
    package.key = uuid.uuid4()
    package.launch = info.launch
    package.size = info.size
    if not package.title:
        package.title = info.title or getattr(upload, "name", "") or "SCORM"
    unpack(upload, package.key)
    old_file = package.file.name if package.pk else ""
    try:
        with transaction.atomic():
            zip_file = upload if isinstance(upload, File) else File(upload)
            package.file.save(f"{package.key}.zip", zip_file, save=False)
            package.save()
    except BaseException:
        remove(package.key)
        if package.file.name and package.file.name != old_file:
            package.file.storage.delete(package.file.name)
        raise
    if old_key is not None:
        transaction.on_commit(lambda: _remove_files(old_key, old_file, package.file.storage))
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
