from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views import defaults
from django.views.generic import RedirectView, TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from csp.decorators import csp_replace

from favourites import views as favourite_views
from guards.limits import rate_limited
from regions import views as region_views
from resources import event_submission
from resources.organisations import OrganisationSitemap
from search import views as search_views
from usage import beacon as usage_beacon

urlpatterns = [
    # Region moved from the home app to regions (December 2026): editors' bookmarks of the
    # old admin address still work. Can go once nobody uses them (say, a year on).
    re_path(
        r"^admin/snippets/home/region/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/snippets/regions/region/%(rest)s", permanent=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Limited here: the regions app sits on the same floor as guards and may not import it.
    path("omrade/", rate_limited("area")(region_views.choose_area), name="choose_area"),
    path("kursbevis/", include("courses.certificate_urls")),
    path("scorm/", include("courses.scorm.urls")),
    path("avspill/", include("resources.media_urls")),
    path("pamelding/", include("registrations.urls")),
    path("kalender/", include("resources.calendar_urls")),
    path("feed/aktuelt/", include("resources.news_feed_urls")),
    path("api/bruk/", usage_beacon.beacon, name="usage_beacon"),
    path("api/v2/", include("openapi.urls")),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/search/autocomplete/", search_views.autocomplete_api, name="search_autocomplete"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "organisations": OrganisationSitemap}},
        name="sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages and search in the visitor's language: bokmål keeps unprefixed URLs (/e-kurs/),
# nynorsk and English live under /nn/ and /en/ (Wagtail serves each locale's tree there).
# The favourites JSON is here too, so type labels and dates come in the page's language.
urlpatterns += i18n_patterns(
    path("sok/", search_views.search_page, name="search"),
    path("foresla-arrangement/", event_submission.submit_event, name="submit_event"),
    path("mine-favoritter/", favourite_views.my_favourites, name="favourites"),
    path("api/favoritter/", favourite_views.favourites_api, name="favourites_api"),
    path("nyhetsbrev/", include("newsletters.urls")),
    path("samarbeidspartnere/", include("resources.organisation_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 500 page carries its own <style> so that it shows even when static files do not: its
# response allows inline styles (it has no scripts and nothing a visitor wrote).
handler500 = csp_replace({"style-src": ["'self'", "'unsafe-inline'"]})(defaults.server_error)
