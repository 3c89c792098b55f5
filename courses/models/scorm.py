"""ScormPackage: a SCORM 1.2 package an editor uploaded, validated and unpacked.

The zip is kept as uploaded; its files are unpacked under MEDIA_ROOT/scorm/<key>/ and served
from the site's own origin by courses.scorm.views.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import CollectionMember
from wagtail.search import index


class ScormPackage(CollectionMember, index.Indexed, models.Model):
    title = models.CharField(_("tittel"), max_length=255)
    file = models.FileField(_("SCORM-pakke (zip)"), upload_to="scorm/packages/")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    launch = models.CharField(_("startfil"), max_length=500, editable=False)
    size = models.PositiveBigIntegerField(_("størrelse utpakket (byte)"), default=0, editable=False)
    created_at = models.DateTimeField(_("lastet opp"), auto_now_add=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("SCORM-pakke")
        verbose_name_plural = _("SCORM-pakker")

    def __str__(self):
        return self.title
