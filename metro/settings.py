"""Metro's settings, read from the environment.

The defaults suit a newcomer's laptop (SQLite under var/, files under var/).
Production sets DEBUG=0 and a real SECRET_KEY; README.md lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEVELOPMENT_SECRET_KEY = "metro-development-only-key-never-use-in-production"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DEBUG is off but SECRET_KEY is the development key. Set the SECRET_KEY "
        "environment variable to a long random value (for example the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), "
        "or set DEBUG=1 for local development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "metro.apps.StoryTagsConfig",
    "reversion",
    "reversion_compare",
    "django_prose_editor",
    "axes",
    "core",
    "metro",
    "staff",
    "media",
    "people",
    "films",
    "articles",
    "sister_sites",
    "desk",
    "demo",
]

MIDDLEWARE = [
    # Outermost: one log line per request, whatever happens inside.
    "core.middleware.RequestLogMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags from page bytes; with the views' Last-Modified, revalidation answers 304.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for anonymous readers, never stale (core.pagecache); inside the
    # conditional-GET and security middleware, so cached pages get both.
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: counts failed admin logins and locks out.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "metro.urls"
WSGI_APPLICATION = "metro.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "core.context_processors.site",
                "articles.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'metro.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0" if DEBUG else "60")),
        # A persistent connection is checked before reuse: the site recovers by
        # itself when the database restarts.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles big queries for tenths of a second each: a loss
    # for a site whose queries are all short and indexed.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

# Redis, when REDIS_URL is set, holds the cache and the session cache; every app
# server then sees the same cache, and an edit on one clears it for all. Without
# Redis the cache is per process. core.cache keeps pages serving if Redis stops.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "metro",
            "TIMEOUT": 300,
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }
    # Sessions live in the database and are read through the cache.
    SESSION_ENGINE = "core.sessions.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Django's database sessions, ignoring cookies no session key could look like.
    SESSION_ENGINE = "core.sessions.db"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The newsroom's zone: dates are stored in UTC and shown to editors and
# readers in this zone.
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# Files browsers ask for at the site's root whatever a page links (favicon.ico,
# apple-touch-icon.png), served there by whitenoise; drawn by bin/draw-icons.
WHITENOISE_ROOT = BASE_DIR / "webroot"
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Upload limits for the media library: bytes, and pixels (decompression bombs).
MEDIA_MAX_UPLOAD_BYTES = int(os.environ.get("MEDIA_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))
MEDIA_MAX_PIXELS = int(os.environ.get("MEDIA_MAX_PIXELS", str(50_000_000)))

# Uploads and renditions: a local folder, or an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set (needs django-storages[s3]; README, "Production").
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "core.storage.AtomicFileSystemStorage"}

STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Taggit: tags are matched case-insensitively so "Netflix" and "netflix" are one tag.
TAGGIT_CASE_INSENSITIVE = True
# Revisions of tagged models keep their tags' names (metro/revisions.py).
SERIALIZATION_MODULES = {"json-with-tags": "core.revisions"}

# The story editor's own extensions (static/admin/metro/), enabled in
# articles/richtext.py. The markup they make is allowed by articles.richtext.sanitize_body.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("admin/metro/pull-quote.js")],
        "extensions": {"PullQuote": html_tags(["blockquote"], {"blockquote": ["class"]})},
    },
    {
        # Links that may name a story, person or film (articles/links.py).
        "js": [static_lazy("admin/metro/story-link.js")],
        "extensions": {
            "MetroLink": html_tags(["a"], {"a": ["href", "title", "rel", "data-link"]}),
        },
    },
    {
        "js": [static_lazy("admin/metro/library-image.js")],
        "extensions": {
            "MediaLibraryImage": html_tags(
                ["figure", "img", "figcaption", "span"],
                {"figure": ["class", "data-image-id"], "img": ["src", "alt"], "span": ["class"]},
            )
        },
    },
    {
        "js": [static_lazy("admin/metro/embed.js")],
        "extensions": {
            "Embed": html_tags(
                ["figure"], {"figure": ["class", "data-embed-provider", "data-embed-id"]}
            )
        },
    },
    {
        "js": [static_lazy("admin/metro/media-gallery.js")],
        "extensions": {
            "MediaGallery": html_tags(["figure"], {"figure": ["class", "data-gallery-id"]})
        },
    },
]

SITE_NAME = os.environ.get("SITE_NAME", "Metro")
# The public origin, e.g. https://www.metro.example: canonical links, feeds,
# sitemaps and structured data use it. Unset, they follow the request's host
# (behind a proxy, set USE_X_FORWARDED_HOST=1 so that host is the public one).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
# For og:locale and the Google News sitemap.
SITE_LOCALE = os.environ.get("SITE_LOCALE", "en_US")
# The publisher's logo in structured data (a raster image under static/).
SITE_LOGO = os.environ.get("SITE_LOGO", "img/metro-logo.png")
# The site's handle on X, for twitter:site (e.g. "@metronews"); optional.
SITE_TWITTER = os.environ.get("SITE_TWITTER", "")
# Headlines shown per sister site under "More from our sister sites".
SISTER_LINKS_PER_SITE = int(os.environ.get("SISTER_LINKS_PER_SITE", "4"))
# The blocks are cached as HTML and cleared whenever sites or links change.
# The page cache (core.pagecache): how long the app keeps a page for anonymous
# readers (0 turns it off). Any change to public content makes cached pages stale
# at once, whatever this says; it only bounds memory use and time-of-day details.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Where processes without a shared cache (no REDIS_URL) agree on what is stale.
PAGE_CACHE_GENERATION_FILE = os.environ.get(
    "PAGE_CACHE_GENERATION_FILE", str(VAR_DIR / "page-cache-generation")
)
# Cache-Control for CDNs and nginx in front (README, "Caching"): how long a shared
# cache may keep an anonymous page (s-maxage), and serve it stale while it refreshes.
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", "10"))
SHARED_CACHE_STALE_SECONDS = int(os.environ.get("SHARED_CACHE_STALE_SECONDS", "30"))
SISTER_SITES_CACHE_SECONDS = int(os.environ.get("SISTER_SITES_CACHE_SECONDS", "3600"))
# Refreshing sister sites' feeds: seconds for a whole download, its largest size,
# and how many feed links to keep per site (pinned and hidden ones are kept too).
SISTER_FEED_TIMEOUT = float(os.environ.get("SISTER_FEED_TIMEOUT", "10"))
SISTER_FEED_MAX_BYTES = int(os.environ.get("SISTER_FEED_MAX_BYTES", str(5 * 1024 * 1024)))
SISTER_LINKS_KEPT = int(os.environ.get("SISTER_LINKS_KEPT", "50"))
# Fetching URLs editors type (sister feeds; later embeds, webhooks, imports) refuses
# loopback, private, link-local and other internal addresses, at every redirect.
# Host names or networks listed here are let through, e.g. "feeds.staging.internal"
# or "10.20.0.0/16", comma-separated in the environment. Empty in production.
METRO_FETCH_ALLOW_PRIVATE = env_list("METRO_FETCH_ALLOW_PRIVATE")
# Embedded videos, posts and tracks (core.embeds, media.embeds): saving a story asks
# each new embed's provider for its title and thumbnail (oEmbed), through the same
# guarded fetch; 0 turns this off (cards then show the provider's name). Seconds per
# request, and the largest oEmbed answer and thumbnail accepted.
EMBED_FETCH_METADATA = env_bool("EMBED_FETCH_METADATA", True)
EMBED_FETCH_TIMEOUT = float(os.environ.get("EMBED_FETCH_TIMEOUT", "5"))
EMBED_OEMBED_MAX_BYTES = int(os.environ.get("EMBED_OEMBED_MAX_BYTES", str(256 * 1024)))
EMBED_THUMBNAIL_MAX_BYTES = int(os.environ.get("EMBED_THUMBNAIL_MAX_BYTES", str(5 * 1024 * 1024)))
# Another oEmbed endpoint for a provider ({"youtube": "https://…"}): a proxy, or the tests'
# local fake server.
EMBED_OEMBED_ENDPOINTS = {}
# The country whose readers the site serves (ISO 3166-1 alpha-2, e.g. "GB"): films'
# "Where to watch" shows the services of this region.
METRO_SITE_REGION = os.environ.get("METRO_SITE_REGION", "US").strip().upper()

LOGIN_URL = "admin:login"
# After signing in without a safe `next`: the admin's index (Django's default,
# /accounts/profile/, is no page of ours).
LOGIN_REDIRECT_URL = "admin:index"
# Where the admin lives, e.g. "newsroom-desk/": not where bots look first.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

AUTHENTICATION_BACKENDS = [
    # django-axes first: a locked-out client is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed admin logins from one client (IP address): after AXES_SLOW_AFTER each
# further try must wait longer (core.security), after AXES_FAILURE_LIMIT the
# client is locked out for AXES_COOLOFF_MINUTES.
AXES_SLOW_AFTER = int(os.environ.get("AXES_SLOW_AFTER", "3"))
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "8"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
# The lockout page, in the admin's look; editors unlock addresses under Site ›
# Failed sign-ins (metro.admin.FailedSignInAdmin).
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
# How many proxies (load balancer, nginx) sit in front of the app servers: the
# client's address is that many hops from the end of X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script of ours reads the CSRF cookie: forms carry the token.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Scripts only from our own origin, or inline with this response's nonce (the
# admin's import map); no inline handlers, no eval. Inline styles are allowed:
# the admin's editor and widgets inject them, and CSS cannot run script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Only a local trial over plain http (make serve-prod) turns these off.
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)

# Logs go to stdout: one JSON object per line in production (LOG_FORMAT=json),
# for a log shipper; plain lines in development. metro.requests writes one line
# per request; errors carry their traceback. Requests with a Host header not in
# ALLOWED_HOSTS are one warning line each.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "metro.logging.JsonFormatter"},
    },
    "filters": {"one_warning_line": {"()": "metro.logging.OneWarningLine"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # metro.requests already logs every request, with its status.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"filters": ["one_warning_line"]},
        # Lockouts are warnings; axes' routine notes are not worth a line each.
        "axes": {"level": "WARNING"},
    },
}
