"""Metro's settings, read from the environment.

The defaults suit a newcomer's laptop (SQLite under var/, files under var/).
Production sets DEBUG=0 and a real SECRET_KEY; README.md lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
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
    "metro",
    "media",
    "people",
    "films",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags from page bytes; with the views' Last-Modified, revalidation answers 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
                "metro.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'metro.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
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
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Upload limits for the media library: bytes, and pixels (decompression bombs).
MEDIA_MAX_UPLOAD_BYTES = int(os.environ.get("MEDIA_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024)))
MEDIA_MAX_PIXELS = int(os.environ.get("MEDIA_MAX_PIXELS", str(50_000_000)))

STORAGES = {
    "default": {"BACKEND": "metro.storage.AtomicFileSystemStorage"},
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

# The story editor's own extensions (static/admin/metro/), enabled in
# articles/richtext.py. The markup they make is allowed by articles.richtext.sanitize_body.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("admin/metro/pull-quote.js")],
        "extensions": {"PullQuote": html_tags(["blockquote"], {"blockquote": ["class"]})},
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
SISTER_SITES_CACHE_SECONDS = int(os.environ.get("SISTER_SITES_CACHE_SECONDS", "3600"))
# Refreshing sister sites' feeds: seconds for a whole download, its largest size,
# and how many feed links to keep per site (pinned and hidden ones are kept too).
SISTER_FEED_TIMEOUT = float(os.environ.get("SISTER_FEED_TIMEOUT", "10"))
SISTER_FEED_MAX_BYTES = int(os.environ.get("SISTER_FEED_MAX_BYTES", str(5 * 1024 * 1024)))
SISTER_LINKS_KEPT = int(os.environ.get("SISTER_LINKS_KEPT", "50"))

LOGIN_URL = "admin:login"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
