"""Settings shared by every environment; environment-specific files import from here."""

from pathlib import Path

import dj_database_url

from . import env
from .search import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env.get("SECRET_KEY", "insecure-dev-key-only-for-trial-runs")
DEBUG = env.flag("DEBUG", False)
ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env.csv("CSRF_TRUSTED_ORIGINS")

# The project's apps, top floor first (docs/architecture.md): each imports only those below.
INSTALLED_APPS = [
    "builder",
    "search",
    "editorial",
    "newsletters",
    "pagecache",
    "home",
    "projects",
    "favourites",
    "resources",
    "courses",
    "registrations",
    "playback",
    "regions",
    "blocks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtailmedia",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session, CSRF and area middleware, to see the cookies they set (pagecache/).
    "pagecache.headers.SharedCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The URL decides the language (/nn/…, /en/…; no prefix = bokmål), never Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "regions.area.AreaMiddleware",
]

ROOT_URLCONF = "kompetansebroen.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "regions.context_processors.areas",
            ],
        },
    },
]

WSGI_APPLICATION = "kompetansebroen.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# PostgreSQL cancels any statement that runs longer than this (milliseconds; 0: never), so one
# slow query cannot hold a worker for seconds. Long maintenance statements (migrate on a large
# database, a bulk import) can run with DATABASE_STATEMENT_TIMEOUT=0.
DATABASE_STATEMENT_TIMEOUT = env.whole_number("DATABASE_STATEMENT_TIMEOUT", 5000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "kompetansebroen"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long the menu and footer fragments are cached. They are expired on publish, but a
# memory cache is per process: without Redis, other processes notice within a minute.
FRAGMENT_CACHE_SECONDS = 24 * 60 * 60 if REDIS_URL else 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Norwegian bokmål is the source language; nynorsk and English come via wagtail-localize.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Dates and numbers follow the active language (nb/nn from Django; en overridden to "18 May 2026").
FORMAT_MODULE_PATH = ["kompetansebroen.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env.get("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Kompetansebroen"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = search_backends()
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "mp3", "m4a"]
# Films and podcast episodes (wagtailmedia): formats every current browser plays.
WAGTAILMEDIA = {
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "opus"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm"],
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# ASCII slugs with æøå transliterated ("parorende"), as the real site's addresses are.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# The "Mitt område" cookie: the visitor's chosen region (slug); not personal data.
AREA_COOKIE_NAME = "omrade"
AREA_QUERY_PARAMETER = "o"
AREA_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Participants' names and addresses are deleted this many days after their event ends
# (manage.py purge_registrations, run by scripts/scheduler.sh and cron).
EVENT_REGISTRATION_RETENTION_DAYS = env.whole_number("EVENT_REGISTRATION_RETENTION_DAYS", 30)
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "redaksjonen@kompetansebroen.example")

# Newsletters (newsletters/): how long a confirmation link works, and how long an unconfirmed
# subscription (an address nobody confirmed) is kept before purge_newsletter_data deletes it.
NEWSLETTER_CONFIRM_DAYS = env.whole_number("NEWSLETTER_CONFIRM_DAYS", 3)
NEWSLETTER_PENDING_DAYS = env.whole_number("NEWSLETTER_PENDING_DAYS", 7)
# The site's address in newsletters sent by the send_newsletter command (no request to ask);
# empty: WAGTAILADMIN_BASE_URL (read when sending, so settings that change it are followed).
NEWSLETTER_BASE_URL = env.get("NEWSLETTER_BASE_URL", "")

# --- The front door (deploy/, docs/operations/front-door.md) ---------------------------------
# nginx's purge server for its page cache (FRONTDOOR_PURGE_LISTEN), e.g. http://127.0.0.1:8081.
# Set, publishing purges every cached page that shows the changed page (pagecache/).
PAGE_CACHE_PURGE_URL = env.get("PAGE_CACHE_PURGE_URL", "")
# How long the front door may keep a page for anonymous visitors (Cache-Control s-maxage; 0:
# not at all). Purging makes a change visible at once; the lifetime only bounds what purging
# cannot reach (the menu and footer on other pages, snippets, replaced images). Addresses with
# a query string (filters, later pages of a list, searches) cannot be purged one by one and
# are kept for PAGE_CACHE_QUERY_SECONDS. Without a purge URL both default to 0.
PAGE_CACHE_SECONDS = env.whole_number("PAGE_CACHE_SECONDS", 600 if PAGE_CACHE_PURGE_URL else 0)
PAGE_CACHE_QUERY_SECONDS = env.whole_number(
    "PAGE_CACHE_QUERY_SECONDS", 60 if PAGE_CACHE_PURGE_URL else 0
)
WAGTAILFRONTENDCACHE = (
    {
        "frontdoor": {
            "BACKEND": "pagecache.backends.NginxPurgeBackend",
            "LOCATION": PAGE_CACHE_PURGE_URL,
        }
    }
    if PAGE_CACHE_PURGE_URL
    else {}
)
# pagecache/showing.py lists each language's address itself: bokmål has no /nb/ prefix for
# Wagtail's own language expansion to replace.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Files Django checks before sending (documents, which may be private; films and podcast sound
# under /avspill/): with this internal prefix of the front door (deploy/nginx, "/_kb_protected/")
# Django answers with X-Accel-Redirect and nginx sends the bytes, Range requests included.
# Empty: Django streams them itself (with Range), as without nginx.
MEDIA_ACCEL_REDIRECT_URL = env.get("MEDIA_ACCEL_REDIRECT_URL", "")
if MEDIA_ACCEL_REDIRECT_URL:
    SENDFILE_BACKEND = "playback.accel"  # Wagtail's document view hands its files to it
