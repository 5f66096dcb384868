"""What search engines and feed readers see of stories and their lists: page heads and NewsArticle."""

from django.conf import settings
from django.urls import reverse

from articles.models import Correction
from core.seo import structured_data as ld
from core.seo.meta import PageMeta, canonical, description, feed_links, social_image
from core.seo.origin import absolute_url
from films.seo import film_ref, review_node, reviewed_item
from media.embeds import iso_duration
from media.embeds import title as embed_title
from people.seo import person_ref


def corrections(article, url):
    """The story's corrections (not its updates) as CorrectionComments, oldest first."""
    return [
        {
            "@type": "CorrectionComment",
            "url": f"{url}#{note.anchor}",
            "text": note.text,
            "datePublished": ld.iso(note.published_at),
        }
        for note in article.corrections.all()
        if note.kind == Correction.Kind.CORRECTION
    ]


def news_article(article, request):
    """NewsArticle for a story page. The article's people, films and corrections must be
    prefetched."""
    url = absolute_url(article.get_absolute_url(), request)
    byline = list(article.authorships.all())
    authors = [a.person for a in byline if a.role != a.Role.PHOTOGRAPHER]
    photographers = [a.person for a in byline if a.role == a.Role.PHOTOGRAPHER]
    picture = article.lead_picture
    images = [ld.image_object(picture, spec, request) for spec in ("square", "standard")]
    images.append(ld.image_object(picture, "hero", request))
    publisher = ld.organization(request)
    return ld.compact(
        {
            "@type": "NewsArticle",
            "@id": f"{url}#article",
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": ld.headline(article.headline),
            "description": article.seo_description or article.standfirst,
            "image": [image for image in images if image],
            "datePublished": ld.iso(article.first_published_at or article.publish_at),
            "dateModified": ld.iso(article.revised_at or article.publish_at),
            "author": [person_ref(person, request, with_details=True) for person in authors]
            or [{"@id": publisher["@id"]}],
            "contributor": [person_ref(person, request) for person in photographers],
            "publisher": publisher,
            "articleSection": article.section.name,
            "keywords": [tag.name for tag in article.tags.all()],
            "about": [film_ref(film, request) for film in article.films.all()],
            "mentions": [person_ref(person, request) for person in article.people.all()],
            "inLanguage": ld.language_tag(),
            "isAccessibleForFree": True,
            "correction": corrections(article, url),
            "video": video_object(article, request),
        }
    )


def video_object(article, request):
    """VideoObject for the story's lead video, with its poster (the hero image) as the
    thumbnail; None without a lead video or a poster."""
    video = article.lead_video
    poster = article.hero_image
    if video is None or poster is None or not poster.width:
        return None
    info = article.lead_video_info
    thumbnails = [
        absolute_url(poster.renditions.largest(spec).url, request)
        for spec in ("hero", "standard", "square")
    ]
    return ld.compact(
        {
            "@type": "VideoObject",
            "name": info.title if info and info.title else ld.headline(article.headline),
            "description": article.seo_description
            or article.standfirst
            or embed_title(video, info),
            "thumbnailUrl": list(dict.fromkeys(thumbnails)),
            "uploadDate": ld.iso(article.first_published_at or article.publish_at),
            "duration": iso_duration(info.duration if info else None),
            "embedUrl": video.player_url(resolved_id=info.player_id if info else None),
        }
    )


def review(article, request):
    """The Review of a film a review story gives, beside its NewsArticle (Google's review
    snippets read a Review, and a NewsArticle stays what Top stories reads); None for
    other stories. The reviewed film's directors must be loaded (story_details)."""
    film = article.reviewed_film if article.is_review else None
    if film is None:
        return None
    item = reviewed_item(film, film.directors, request)
    return review_node(article, request, item_reviewed=item)


def image_galleries(article, request):
    """An ImageGallery for each gallery the story shows (its lead, then the body's), each
    picture an ImageObject with its caption and credit as the story shows them."""
    url = absolute_url(article.get_absolute_url(), request)
    return [
        ld.compact(
            {
                "@type": "ImageGallery",
                "@id": f"{url}#gallery-{gallery.pk}",
                "name": gallery.title,
                "url": url,
                "isPartOf": {"@id": f"{url}#article"},
                "image": [gallery_image(item, request) for item in gallery.shown_items()],
            }
        )
        for gallery in article.shown_galleries()
    ]


def gallery_image(item, request):
    image = item.image
    rendition = image.renditions.largest("body")
    return ld.compact(
        {
            "@type": "ImageObject",
            "contentUrl": absolute_url(rendition.url, request),
            "width": rendition.width,
            "height": rendition.height,
            "caption": item.shown_caption,
            "creditText": item.shown_credit,
            "copyrightNotice": image.copyright,
        }
    )


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
        trail=[("Topics", reverse("articles:tags")), (tag.name, path)],
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
        about=person_ref(author, request),
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
    nodes = [news_article(article, request)]
    if reviewed := review(article, request):
        nodes.append(reviewed)
    nodes += image_galleries(article, request)
    nodes.append(
        ld.breadcrumbs(
            [
                ("Home", reverse("home")),
                (section.name, section.get_absolute_url()),
                (article.headline, path),
            ],
            request,
        )
    )
    return PageMeta(
        title=article.seo_title or article.headline,
        description=description(article.seo_description or article.standfirst),
        canonical=canonical(request, path),
        og_type="article",
        image=social_image(article.lead_picture, "og", request),
        properties=properties,
        structured_data=ld.json_ld_script(nodes),
        feeds=feed_links(
            "articles:section_feed", f"{settings.SITE_NAME}: {section.name}", section=section.slug
        ),
    )


def corrections_page(request, page_obj):
    """The corrections page: a CollectionPage of this page's corrections."""
    path = reverse("articles:corrections")
    notes = list(page_obj.object_list) if page_obj else []
    first = page_obj.start_index() if notes else 1
    return PageMeta(
        title="Corrections",
        description=description(
            f"Corrections to {settings.SITE_NAME}'s stories, newest first: what we got "
            "wrong, and when we put it right."
        ),
        canonical=canonical(request, path, page_obj.number if page_obj else None),
        image=social_image(None, "og", request),
        structured_data=ld.json_ld_script(
            [
                ld.listing_page(
                    "Corrections",
                    path,
                    [
                        (note.get_absolute_url(), f"Correction: {note.article.headline}")
                        for note in notes
                    ],
                    request,
                    first_position=first,
                ),
                ld.breadcrumbs([("Home", reverse("home")), ("Corrections", path)], request),
            ]
        ),
        feeds=[*corrections_feeds(), *site_feeds()],
    )


def corrections_feeds():
    return feed_links("articles:corrections_feed", f"{settings.SITE_NAME}: corrections")


def preview_page(article):
    """Editors' previews: never indexed, never described to machines."""
    return PageMeta(
        title=article.headline,
        description=description(article.standfirst),
        robots="noindex, nofollow",
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
