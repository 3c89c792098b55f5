from home.models.pages import HomePage, RegionPage, StandardPage
from home.models.site_settings import SiteSettings

__all__ = ["HomePage", "RegionPage", "SiteSettings", "StandardPage"]
