"""Which newsletters a user composes: a region's, when they may edit its region page (the
region's editors and moderators, whose page permissions the editorial teams set up), and the
national one, when they may edit a national section (the central team). Superusers: all.

The rule is read from page permissions, as the rest of the admin decides who works where, so
a team's rights need no extra grant and follow any change editorial/ makes to them.
"""

from django.utils.translation import gettext as _

from wagtail.models import Locale

from home.models import HomePage, RegionPage
from regions.lookup import regions_for_locale


class Areas:
    """The user's newsletters: ``regions`` (Region objects) and ``national`` (bool)."""

    def __init__(self, regions, national):
        self.regions = regions
        self.national = national

    def __bool__(self):
        return bool(self.regions) or self.national

    def allows(self, region):
        """May the user handle ``region``'s newsletter (None: the national one)?"""
        if region is None:
            return self.national
        return any(region.pk == own.pk for own in self.regions)

    def choices(self):
        """[(region or None, name)] national first."""
        national = [(None, _("Nasjonalt"))] if self.national else []
        return national + [(region, region.name) for region in self.regions]


def areas_for(user):
    cached = getattr(user, "_newsletter_areas", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        result = Areas(regions_for_locale(), True)
    else:
        locale = Locale.get_default()
        region_pages = RegionPage.objects.filter(locale=locale).select_related("region")
        regions = sorted(
            {
                page.region
                for page in region_pages
                if page.region and page.permissions_for_user(user).can_edit()
            },
            key=lambda region: region.name,
        )
        home = HomePage.objects.filter(locale=locale).first()
        sections = home.get_children().not_type(RegionPage) if home else []
        national = any(section.permissions_for_user(user).can_edit() for section in sections)
        result = Areas(regions, national)
    user._newsletter_areas = result
    return result
