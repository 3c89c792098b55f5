from home.models.pages import HomePage, RegionPage, StandardPage
from home.models.region import Region
from home.models.site_settings import SiteSettings

__all__ = ["HomePage", "Region", "RegionPage", "SiteSettings", "StandardPage"]
