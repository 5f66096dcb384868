"""The head of every public page: description, canonical link, social cards, JSON-LD, feeds.

Each page kind has a builder returning a PageMeta; views put it in the context
as `page_meta` and templates/includes/head_meta.html writes the tags.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from metro.seo import structured_data as ld
from metro.seo.origin import absolute_static, absolute_url

DESCRIPTION_LIMIT = 160


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str
    type: str = "image/jpeg"


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str = ""
    og_type: str = "website"
    image: SocialImage | None = None
    # Further Open Graph properties, in order: [("article:tag", "Netflix"), ...].
    properties: list[tuple[str, str]] = field(default_factory=list)
    robots: str = ""
    structured_data: str = ""
    # Feed autodiscovery: [(title, mime type, absolute URL)].
    feeds: list[tuple[str, str, str]] = field(default_factory=list)


def description(text):
    """One line of plain text, short enough for search results."""
    return Truncator(" ".join(strip_tags(text).split())).chars(DESCRIPTION_LIMIT)


def social_image(image, spec_name, request):
    """The image as a social card, or the site's logo when there is none."""
    if image is None or not image.width:
        width, height = ld.LOGO_SIZE
        return SocialImage(
            absolute_static(settings.SITE_LOGO, request),
            width,
            height,
            f"{settings.SITE_NAME} logo",
        )
    rendition = image.renditions.largest(spec_name)
    return SocialImage(
        url=absolute_url(rendition.url, request),
        width=rendition.width,
        height=rendition.height,
        alt=image.alt_text,
        type=rendition.mime_type,
    )


def canonical(request, path=None, page=None):
    """The page's one address: its path, plus the page number on later pages of a list."""
    url = absolute_url(path or request.path, request)
    return f"{url}?page={page}" if page and page > 1 else url


def feed_links(url_name, label, **kwargs):
    return [
        (
            f"{label} (RSS)",
            "application/rss+xml",
            reverse(url_name, kwargs={**kwargs, "kind": "rss"}),
        ),
        (
            f"{label} (Atom)",
            "application/atom+xml",
            reverse(url_name, kwargs={**kwargs, "kind": "atom"}),
        ),
    ]


def site_feeds():
    return feed_links("articles:feed", settings.SITE_NAME)


def home_page(request):
    home = reverse("home")
    return PageMeta(
        title=settings.SITE_NAME,
        description=description(
            f"{settings.SITE_NAME}: news, films, series and the people who make them."
        ),
        canonical=canonical(request, home),
        image=social_image(None, "og", request),
        structured_data=ld.json_ld_script(
            [
                ld.website(request),
                ld.organization(request),
                ld.breadcrumbs([("Home", home)], request),
            ]
        ),
        feeds=site_feeds(),
    )


def list_page(request, *, title, text, path, trail, page_obj, about=None, image=None, feeds=()):
    """Section fronts, tag pages and author pages: a CollectionPage of this page's stories."""
    number = page_obj.number if page_obj else 1
    stories = list(page_obj.object_list) if page_obj else []
    return PageMeta(
        title=title,
        description=description(text),
        canonical=canonical(request, path, number),
        image=social_image(image, "og", request),
        structured_data=ld.json_ld_script(
            [
                ld.collection_page(
                    title,
                    path,
                    stories,
                    request,
                    about=about,
                    first_position=page_obj.start_index() if stories else 1,
                ),
                ld.breadcrumbs([("Home", reverse("home")), *trail], request),
            ]
        ),
        feeds=[*feeds, *site_feeds()],
    )


def section_page(request, section, page_obj):
    path = section.get_absolute_url()
    return list_page(
        request,
        title=section.name,
        text=section.description or f"{section.name} from {settings.SITE_NAME}.",
        path=path,
        trail=[(section.name, path)],
        page_obj=page_obj,
        feeds=feed_links(
            "articles:section_feed", f"{settings.SITE_NAME}: {section.name}", section=section.slug
        ),
    )


def tag_page(request, tag, page_obj):
    path = reverse("articles:tag", args=[tag.slug])
    return list_page(
        request,
        title=tag.name,
        text=f"Stories about {tag.name} from {settings.SITE_NAME}.",
        path=path,
        trail=[(tag.name, path)],
        page_obj=page_obj,
        about={"@type": "Thing", "name": tag.name},
        feeds=feed_links("articles:tag_feed", f"{settings.SITE_NAME}: {tag.name}", slug=tag.slug),
    )


def author_page(request, author, page_obj):
    path = reverse("articles:author", args=[author.slug])
    about = f", {author.description}" if author.description else ""
    return list_page(
        request,
        title=f"Stories by {author.name}",
        text=f"Stories by {author.name}{about}, at {settings.SITE_NAME}.",
        path=path,
        trail=[(author.name, author.get_absolute_url()), ("Stories", path)],
        page_obj=page_obj,
        about=ld.person_ref(author, request),
        image=author.portrait,
        feeds=feed_links(
            "articles:author_feed", f"{settings.SITE_NAME}: {author.name}", slug=author.slug
        ),
    )


def article_page(request, article):
    """A live story. Its people, films, tags and byline must be prefetched."""
    section = article.section
    path = article.get_absolute_url()
    published = ld.iso(article.first_published_at or article.publish_at)
    modified = ld.iso(article.revised_at or article.publish_at)
    properties = [
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", section.name),
        *(("article:tag", tag.name) for tag in article.tags.all()),
        *(
            ("article:author", absolute_url(authorship.person.get_absolute_url(), request))
            for authorship in article.authorships.all()
            if authorship.role != authorship.Role.PHOTOGRAPHER
        ),
    ]
    return PageMeta(
        title=article.seo_title or article.headline,
        description=description(article.seo_description or article.standfirst),
        canonical=canonical(request, path),
        og_type="article",
        image=social_image(article.hero_image, "og", request),
        properties=properties,
        structured_data=ld.json_ld_script(
            [
                ld.news_article(article, request),
                ld.breadcrumbs(
                    [
                        ("Home", reverse("home")),
                        (section.name, section.get_absolute_url()),
                        (article.headline, path),
                    ],
                    request,
                ),
            ]
        ),
        feeds=feed_links(
            "articles:section_feed", f"{settings.SITE_NAME}: {section.name}", section=section.slug
        ),
    )


def preview_page(article):
    """Editors' previews: never indexed, never described to machines."""
    return PageMeta(
        title=article.headline,
        description=description(article.standfirst),
        robots="noindex, nofollow",
    )


def film_page(request, film, cast, crew):
    path = film.get_absolute_url()
    year = f" ({film.release_date.year})" if film.release_date else ""
    text = (
        film.synopsis
        or f"{film.title}{year}: {film.get_kind_display().lower()} news, cast and crew."
    )
    return PageMeta(
        title=f"{film.title}{year}",
        description=description(text),
        canonical=canonical(request, path),
        og_type="video.tv_show" if film.kind == film.Kind.SERIES else "video.movie",
        image=social_image(film.poster, "poster", request),
        properties=[("video:release_date", film.release_date.isoformat())]
        if film.release_date
        else [],
        structured_data=ld.json_ld_script(
            [
                ld.film(film, cast, crew, request),
                ld.breadcrumbs([("Home", reverse("home")), (film.title, path)], request),
            ]
        ),
    )


def person_page(request, person, *, writes_for_us):
    path = person.get_absolute_url()
    known_for = f", {person.description}" if person.description else ""
    return PageMeta(
        title=person.name,
        description=description(person.bio or f"{person.name}{known_for}: stories and credits."),
        canonical=canonical(request, path),
        og_type="profile",
        image=social_image(person.portrait, "portrait", request),
        structured_data=ld.json_ld_script(
            [
                ld.profile_page(person, request, writes_for_us=writes_for_us),
                ld.breadcrumbs([("Home", reverse("home")), (person.name, path)], request),
            ]
        ),
    )


def search_page(request, query):
    """Search results are for readers, not for search engines' indexes."""
    path = reverse("articles:search")
    return PageMeta(
        title=f"{query}: search" if query else "Search",
        description=description(f"Search {settings.SITE_NAME}'s stories, people and films."),
        canonical=canonical(request, path),
        robots="noindex, follow",
        image=social_image(None, "og", request),
        structured_data=ld.json_ld_script(
            [
                {"@type": "SearchResultsPage", "url": absolute_url(path, request)},
                ld.breadcrumbs([("Home", reverse("home")), ("Search", path)], request),
            ]
        ),
    )
