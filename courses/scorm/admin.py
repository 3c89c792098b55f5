"""Editors' admin for SCORM packages (registered from courses/wagtail_hooks.py): Kurs >
SCORM-pakker, with a chooser for CoursePage.scorm_package.

Packages belong to a collection, like documents: an editor uploads into the collections where
they may add documents (their region's), and permissions are granted per collection
(editorial/roles.py gives editor groups add, change and delete). A zip that fails the checks
in courses.scorm.package is refused with the reason on the file field, and nothing is stored.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.collections import (
    CollectionChoiceField,
    collection_member_permission_formset_factory,
)
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from courses.models import ScormPackage
from courses.scorm.package import PackageError, check_package, limit
from courses.scorm.store import save_package

# Registered before the viewset, which would otherwise fall back to model-wide permissions.
scorm_policy = CollectionPermissionPolicy(ScormPackage)
register_permission_policy(ScormPackage, scorm_policy)


def upload_collections(user):
    """Collections ``user`` may upload a package to: where they may add documents and SCORM
    packages (for an editor, their region's collection)."""
    if user is None:
        return Collection.objects.all()
    document_policy = policy_registry.get_by_type(get_document_model())
    return document_policy.collections_user_has_permission_for(user, "add").filter(
        pk__in=scorm_policy.collections_user_has_permission_for(user, "add").values("pk")
    )


class ScormPackageForm(WagtailAdminModelForm):
    title = forms.CharField(
        label=_("Tittel"),
        max_length=255,
        required=False,
        help_text=_("Navnet redaktører ser når de velger pakken. Tomt: kursets navn fra pakken."),
    )
    collection = CollectionChoiceField(
        label=_("Samling"),
        queryset=Collection.objects.none(),
        help_text=_("Samlingen pakken hører til, normalt regionens egen."),
    )
    file = forms.FileField(
        label=_("SCORM-pakke (zip)"),
        widget=forms.FileInput(attrs={"accept": ".zip,application/zip"}),
    )

    class Meta:
        model = ScormPackage
        fields = ["title", "collection", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        collections = upload_collections(self.for_user)
        if self.instance.pk:
            collections = collections | Collection.objects.filter(pk=self.instance.collection_id)
            self.fields["file"].required = False
            self.fields["file"].help_text = _(
                "Last opp en ny zip bare for å erstatte pakken; kurs som bruker den, spiller "
                "da av den nye."
            )
        else:
            self.fields["file"].help_text = _(
                "En SCORM 1.2-pakke som zip-fil (høyst %(max)s MB) med imsmanifest.xml øverst."
            ) % {"max": limit("SCORM_MAX_UPLOAD_SIZE") // (1024 * 1024)}
        self.fields["collection"].queryset = collections
        self.package_info = None

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            try:
                self.package_info = check_package(upload)
            except PackageError as error:
                raise forms.ValidationError(error.messages) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title"):
            if self.package_info is not None and self.package_info.title:
                cleaned["title"] = self.package_info.title
            elif self.instance.pk is None and "file" not in self.errors:
                self.add_error("title", _("Skriv en tittel; pakken oppgir ingen."))
            elif self.instance.pk:
                cleaned["title"] = self.instance.title
        return cleaned

    def save(self, commit=True):
        package = super().save(commit=False)
        upload = self.cleaned_data.get("file") if self.package_info is not None else None
        return save_package(package, upload, self.package_info)


class SizeColumn(Column):
    def get_value(self, instance):
        return f"{instance.size / (1024 * 1024):.1f} MB"


class InstancePermissionMixin:
    """The generic views check the action on the model (any collection); a package may only
    be edited or deleted by someone with that permission on its own collection."""

    instance_action = None

    def get_object(self, queryset=None):
        package = super().get_object(queryset)
        if not self.user_has_permission_for_instance(self.instance_action, package):
            raise PermissionDenied
        return package


class ScormPackageEditView(InstancePermissionMixin, EditView):
    instance_action = "change"


class ScormPackageDeleteView(InstancePermissionMixin, DeleteView):
    instance_action = "delete"


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "folder-open-inverse"
    menu_label = _("SCORM-pakker")
    menu_name = "scorm_packages"
    list_display = [
        "title",
        "collection",
        Column("launch", label=_("Startfil")),
        SizeColumn("size", label=_("Størrelse utpakket")),
        DateColumn("created_at", label=_("Lastet opp")),
    ]
    list_filter = ["collection"]
    edit_view_class = ScormPackageEditView
    delete_view_class = ScormPackageDeleteView
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("collection"), FieldPanel("file")],
        base_form_class=ScormPackageForm,
    )

    def get_queryset(self, request):
        """Only packages in collections the user may work in (all for superusers)."""
        return scorm_policy.instances_user_has_any_permission_for(
            request.user, ["add", "change", "delete"]
        )

    def get_permissions_to_register(self):
        # Granted per collection (the panel below), not model-wide.
        return Permission.objects.none()


class CoursesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Kurs")
    menu_icon = "desktop"
    menu_name = "courses"
    menu_order = 250
    items = (ScormPackageViewSet,)


register_snippet(CoursesViewSetGroup)

GroupScormPermissionFormSet = collection_member_permission_formset_factory(
    ScormPackage,
    [
        ("add_scormpackage", _("Legg til"), _("Laste opp SCORM-pakker")),
        ("change_scormpackage", _("Endre"), _("Endre SCORM-pakker")),
        ("delete_scormpackage", _("Slette"), _("Slette SCORM-pakker")),
    ],
    "courses/permissions/scorm_permissions_formset.html",
)


@hooks.register("register_group_permission_panel")
def register_scorm_permissions_panel():
    return GroupScormPermissionFormSet
