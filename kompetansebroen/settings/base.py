"""Settings shared by every environment; environment-specific files import from here."""

from datetime import timedelta
from pathlib import Path

from . import env, security
from .cache import cache_settings
from .database import database_settings
from .logs import logging_config
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
    "adminlogin",
    "usage",
    "search",
    "editorial",
    "newsletters",
    "pagecache",
    "legacy",
    "openapi",
    "home",
    "projects",
    "favourites",
    "resources",
    "courses",
    "registrations",
    "playback",
    "partners",
    "regions",
    "blocks",
    "tally",
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
    "csp",
    "corsheaders",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
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
    # /healthz and /readyz answer before anything else runs (no host check, no redirect).
    "ops.health.HealthCheckMiddleware",
    "ops.request_id.RequestIdMiddleware",
    # Each cached lookup (locales, regions, sites, the markup's version) read once a request.
    "regions.cached.RequestMemoMiddleware",
    # CORS for the public APIs (openapi/cors.py), before anything that may answer first.
    "openapi.cors.PublicCorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kompetansebroen.headers.ContentSecurityPolicyMiddleware",
    "kompetansebroen.headers.PermissionsPolicyMiddleware",
    # Above the session, CSRF and area middleware, to see the cookies they set (pagecache/).
    "pagecache.headers.SharedCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The URL decides the language (/nn/…, /en/…; no prefix = bokmål), never Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "adminlogin.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Above Wagtail's redirects, so it sees the 404s they leave: an old address answered by
    # its page's slug, or counted in the 404 log (legacy/middleware.py).
    "legacy.middleware.OldAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "regions.area.AreaMiddleware",
    # Hands Wagtail the request's site and front page from the cache (home/sites.py).
    "home.sites.CachedSiteMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out user before the password is even checked. Then
# the model backend that refuses the demo accounts outside development (builder/demo/logins.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "builder.demo.logins.NoDemoLoginsBackend",
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

# Milliseconds after which PostgreSQL cancels a statement (0: never), seconds to wait for it to
# accept a connection (settings/database.py).
DATABASE_STATEMENT_TIMEOUT = env.whole_number("DATABASE_STATEMENT_TIMEOUT", 5000)
DATABASE_CONNECT_TIMEOUT = env.whole_number("DATABASE_CONNECT_TIMEOUT", 3)
DATABASES = {
    "default": database_settings(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.whole_number("DATABASE_CONN_MAX_AGE", 60),
        statement_timeout_ms=DATABASE_STATEMENT_TIMEOUT,
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.get("REDIS_URL")
CACHES = cache_settings(REDIS_URL, env.get("CACHE_KEY_PREFIX", "kompetansebroen"))
# A Redis error is logged (with its traceback) and treated as a miss (settings/cache.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# How long the menu and footer fragments are cached. They are expired on publish, but a
# memory cache is per process: without Redis, other processes notice within a minute.
FRAGMENT_CACHE_SECONDS = 24 * 60 * 60 if REDIS_URL else 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Demo content and its trial accounts (builder/demo/) are for development and trial runs:
# without this, load_demo_data refuses to run and the demo accounts cannot log in.
DEMO_CONTENT_ALLOWED = False

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
# Only the video services the CSP lets play (settings/security.py). No responsive wrapper:
# its inline style attribute is refused by the CSP; the site's CSS sizes embeds instead.
WAGTAILEMBEDS_FINDERS = security.embed_finders()
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# The admin asks no other site for anything: no avatars from Gravatar, and no look-up of the
# latest Wagtail release at releases.wagtail.org on the dashboard (upgrades follow
# requirements.txt; scripts/audit.sh checks for known vulnerabilities).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# ASCII slugs with æøå transliterated ("parorende"), as the real site's addresses are.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# The "Mitt område" cookie: the visitor's chosen region (slug); not personal data.
AREA_COOKIE_NAME = "omrade"
AREA_QUERY_PARAMETER = "o"
AREA_COOKIE_MAX_AGE = 365 * 24 * 60 * 60

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# SMTP (production's default backend; settings/production.py requires EMAIL_HOST).
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.whole_number("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env.flag("EMAIL_USE_SSL", False)
# Seconds before a slow mail server gives up, so it cannot hold a worker.
EMAIL_TIMEOUT = env.whole_number("EMAIL_TIMEOUT", 10)
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
# Where bounces of newsletters go (the envelope sender), e.g. nyhetsbrev-retur@example.no: each
# message is sent from nyhetsbrev-retur+<signed delivery id>@example.no (VERP), and the mail
# server pipes what arrives there to `manage.py record_bounces`. Empty: bounces go to
# DEFAULT_FROM_EMAIL, and record_bounces still finds the delivery in the returned headers.
NEWSLETTER_BOUNCE_ADDRESS = env.get("NEWSLETTER_BOUNCE_ADDRESS", "")

# Logs to stdout (settings/logs.py): LOG_FORMAT text (here) or json (production's default).
LOG_LEVEL = env.get("LOG_LEVEL", "INFO")
LOGGING = logging_config(env.get("LOG_FORMAT", "text"), LOG_LEVEL)

# Security headers (settings/security.py; production.py adds HTTPS and HSTS). The CSP follows
# STATIC_URL and MEDIA_URL: a settings file that moves them to another host sets it again.
CONTENT_SECURITY_POLICY = security.site_policy(STATIC_URL, MEDIA_URL)
ADMIN_CONTENT_SECURITY_POLICY = security.admin_policy(CONTENT_SECURITY_POLICY)
ADMIN_URL_PREFIX = "/admin/"
PERMISSIONS_POLICY = security.PERMISSIONS_POLICY
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Admin sign-in, search-log privacy, public rate limits -----------------------------------
# (docs/operations/login-and-privacy.md)
# Proxies of our own in front of the site (nginx: 1; a CDN in front of nginx: 2). Only then is
# the visitor's address read from X-Forwarded-For (guards/client.py), for rate limits and axes.
TRUSTED_PROXY_COUNT = env.whole_number("TRUSTED_PROXY_COUNT", 0)
# django-axes: ten failed sign-ins for one username, or from one address (whatever usernames it
# tries), lock that username or address for the cool-off time, counted from the last attempt
# (each attempt during the lockout starts it again); the right password is refused too until
# then. A successful sign-in resets the count.
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=env.whole_number("ADMIN_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "guards.client.client_address"
AXES_LOCKOUT_CALLABLE = "adminlogin.lockout.lockout_response"
# No log of every successful sign-in (addresses of editors kept without end); failed attempts
# are kept only until they expire.
AXES_DISABLE_ACCESS_LOG = True
# No start-up banner and no per-attempt INFO lines (usernames) in the logs.
AXES_VERBOSE = False
# Two-factor sign-in (django-otp, TOTP): required for administrators and moderators when on
# (production); off in development and tests (dev.py, test.py) so the demo users just sign in.
TWO_FACTOR_ENFORCED = env.flag("TWO_FACTOR_ENFORCED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Search log (search/querylog.py): numbers and e-mail addresses are masked, the text is cut to
# this length, each client adds at most N searches per window, and purge_search_log deletes
# days older than the retention.
SEARCH_LOG_MAX_LENGTH = 100
SEARCH_LOG_PER_CLIENT = (env.whole_number("SEARCH_LOG_PER_CLIENT", 20), 60 * 60)
SEARCH_LOG_RETENTION_DAYS = env.whole_number("SEARCH_LOG_RETENTION_DAYS", 30)
# The 404 log (legacy/notfound.py): each client counts at most N 404s per window, a day holds
# at most this many different addresses, and purge_not_found_log deletes days older than the
# retention (docs/operations/legacy-urls.md).
NOT_FOUND_LOG_PER_CLIENT = (env.whole_number("NOT_FOUND_LOG_PER_CLIENT", 60), 60 * 60)
NOT_FOUND_LOG_PATHS_PER_DAY = env.whole_number("NOT_FOUND_LOG_PATHS_PER_DAY", 1000)
NOT_FOUND_LOG_RETENTION_DAYS = env.whole_number("NOT_FOUND_LOG_RETENTION_DAYS", 90)
# Requests per client and minute (guards/limits.py); 0 turns a limit off (e.g. for a load test).
PUBLIC_RATE_LIMITS = {
    "search": (env.whole_number("RATE_LIMIT_SEARCH", 120), 60),
    "autocomplete": (env.whole_number("RATE_LIMIT_AUTOCOMPLETE", 300), 60),
    "area": (env.whole_number("RATE_LIMIT_AREA", 30), 60),
    "api": (env.whole_number("RATE_LIMIT_API", 300), 60),
    # The statistics beacon (usage/beacon.py): a page view, and a play per film or episode.
    "usage": (env.whole_number("RATE_LIMIT_USAGE", 120), 60),
}
# Usage statistics (docs/operations/statistics.md): without Redis, each process adds its counts
# to the database at most this many seconds after the first (with Redis: manage.py flush_usage).
USAGE_BATCH_SECONDS = env.whole_number("USAGE_BATCH_SECONDS", 30)

# --- The open API (/api/v2/, openapi/, docs/api.md) ------------------------------------------
# At most this many items per answer (?limit=).
WAGTAILAPI_LIMIT_MAX = 100
# Other portals' pages may read the public APIs from the browser (django-cors-headers): any
# origin, without cookies or credentials, only reading. One answer for every origin ("*"),
# so the front door's cached answers serve them all (openapi/cors.py).
CORS_URLS_REGEX = r"^/api/(?:v2|search)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language"]
CORS_EXPOSE_HEADERS = ["Retry-After"]

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
