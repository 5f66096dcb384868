"""Pages for crawlers: the sitemap index and its sections, the Google News sitemap, robots.txt."""

from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Article
from articles.sitemaps import ArticleSitemap, SectionSitemap, TagSitemap
from core import pagecache
from core.seo.conditional import newest
from core.seo.origin import absolute_url, site_origin
from core.seo.sitemaps import image_entry
from films.sitemaps import FilmSitemap
from people.sitemaps import PersonSitemap

# Google News reads stories published in the last two days, and at most 1,000 of them.
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000

# Editors' previews of unpublished stories live under this path.
PREVIEW_PATH = "/preview/"


def sitemaps():
    """The sections of /sitemap.xml, in the order the index lists them."""
    return {
        "articles": ArticleSitemap,
        "sections": SectionSitemap,
        "tags": TagSitemap,
        "people": PersonSitemap,
        "films": FilmSitemap,
    }


def sitemap_index(request):
    """/sitemap.xml: every page of every section's sitemap, with its newest lastmod."""
    response = sitemap_views.index(request, sitemaps=sitemaps(), sitemap_url_name="sitemap")
    # Django builds these from the request's host; put them on the public origin.
    for entry in response.context_data["sitemaps"]:
        parts = urlsplit(entry.location)
        entry.location = absolute_url(urlunsplit(("", "", parts.path, parts.query, "")), request)
    return response


@pagecache.keyed_by(p=pagecache.page_number_parameter)
def sitemap(request, section):
    """/sitemap-<section>.xml?p=N: one page of one section (404 for others)."""
    return sitemap_views.sitemap(
        request, sitemaps=sitemaps(), section=section, template_name="sitemaps/sitemap.xml"
    )


def news_language(locale):
    """The language Google News wants from a locale: "en_US" → "en"; Chinese keeps its script."""
    code = locale.replace("_", "-").lower()
    if code in {"zh-cn", "zh-tw"}:
        return code
    return code.split("-")[0]


@sitemap_views.x_robots_tag
def news_sitemap(request):
    """/news-sitemap.xml: live stories first published in the last two days, newest first."""
    now = timezone.now()
    stories = list(
        Article.objects.live(now)
        .filter(first_published_at__gte=now - NEWS_WINDOW, first_published_at__lte=now)
        .select_related("section", "hero_image")
        .defer("standfirst", "body", "body_text", "search_terms", "hero_caption")
        .order_by("-first_published_at", "-pk")[:NEWS_LIMIT]
    )
    origin = site_origin(request)
    entries = [
        {
            "location": absolute_url(story.get_absolute_url(), request),
            "publication_date": story.first_published_at,
            "title": story.headline,
            "image": image_entry(story.hero_image, origin),
        }
        for story in stories
    ]
    response = TemplateResponse(
        request,
        "sitemaps/news.xml",
        {
            "entries": entries,
            "publication_name": settings.SITE_NAME,
            "publication_language": news_language(settings.SITE_LOCALE),
        },
        content_type="application/xml",
    )
    # When the newest entry last changed; an empty sitemap says nothing.
    latest = newest(*(newest(story.publish_at, story.revised_at) for story in stories))
    if latest is not None:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response


def robots_txt(request):
    """/robots.txt: keep crawlers out of the admin, search results and previews; name the sitemaps."""
    return TemplateResponse(
        request,
        "robots.txt",
        {
            "disallowed": [reverse("admin:index"), reverse("articles:search"), PREVIEW_PATH],
            "sitemaps": [
                absolute_url(reverse("sitemap-index"), request),
                absolute_url(reverse("news-sitemap"), request),
            ],
        },
        content_type="text/plain; charset=utf-8",
    )
