"""The cached locales and regions are forgotten when a locale or region is saved or deleted."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale

from regions.cached import forgetter
from regions.locales import CACHE_KEY as LOCALES_KEY
from regions.lookup import REGIONS_CACHE_KEY
from regions.models import Region

_forget_locales = forgetter(LOCALES_KEY)
_forget_regions = forgetter(REGIONS_CACHE_KEY)


def connect():
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="kb_locales_saved")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="kb_locales_deleted")
    post_save.connect(_forget_regions, sender=Region, dispatch_uid="kb_regions_saved")
    post_delete.connect(_forget_regions, sender=Region, dispatch_uid="kb_regions_deleted")
