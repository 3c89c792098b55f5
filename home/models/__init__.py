from home.models.pages import HomePage, RegionPage, StandardPage
from home.models.site_settings import SiteSettings
