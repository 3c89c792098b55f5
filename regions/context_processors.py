"""Template context for the header's area selector ("Mitt område")."""

from django.conf import settings

from regions.area import current_area
from regions.lookup import regions_for_locale


def areas(request):
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    return {
        "current_area": current_area(request),
        "all_areas": regions_for_locale(),
        "area_parameter": settings.AREA_QUERY_PARAMETER,
    }
