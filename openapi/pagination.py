"""Paging through a list: Wagtail's ``limit`` and ``offset``, with a bound on the offset too
(an offset past what a database can take would otherwise be a 500)."""

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

MAX_OFFSET = 100_000


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        for name, highest in (("offset", MAX_OFFSET), ("limit", settings.WAGTAILAPI_LIMIT_MAX)):
            raw = request.GET.get(name, "0")
            # Read before Wagtail does: one message for every bad value of either.
            if not (raw.isascii() and raw.isdigit() and len(raw) <= 7) or int(raw) > highest:
                raise BadRequestError(
                    _("«%(name)s» må være et heltall fra 0 til %(highest)s.")
                    % {"name": name, "highest": highest}
                )
        return super().paginate_queryset(queryset, request, view)
