"""RSS 2.0 and Atom feeds of live stories (the whole site, a section, a tag, an author,
a person in the stories, a film or series) and of the corrections to them.

Every address in a feed is absolute on the site's public origin
(core.seo.origin). Items carry the whole byline, the section and tags as
categories, and the hero picture as an enclosure and as Media RSS content.
A feed costs the same few queries however many stories it lists.
"""

import html
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator
from taggit.models import Tag

from articles.models import Article, Correction, Section
from core.seo.conditional import newest
from core.seo.origin import absolute_url
from films.models import Film
from media import renditions
from media.renditions import stored_sizes
from people.models import Person

MAX_ITEMS = 50
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
MEDIA_RSS = "http://search.yahoo.com/mrss/"


class FeedKindConverter:
    """The `kind` in a feed's address: "rss" or "atom", nothing else."""

    regex = "rss|atom"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


def feed_picture(image):
    """The rendition feeds offer of a story's hero `image`: the largest hero JPEG;
    None for no image, or one whose file could not be read (nothing to resize)."""
    if image is None or not image.width or not image.height:
        return None
    return image.renditions.largest("hero", "jpeg")


def make_feed_picture(image):
    """Store `image`'s feed rendition unless it is stored already, so that feeds
    can say how long it is (articles.signals calls this as stories are published)."""
    if rendition := feed_picture(image):
        renditions.ensure(image, rendition)


@dataclass(frozen=True)
class HeroMedia:
    """A story's hero picture as feeds offer it: one JPEG rendition."""

    url: str
    mime_type: str
    width: int
    height: int
    length: int  # Bytes of the stored file; 0 until it has been made.
    description: str
    credit: str

    def enclosures(self):
        """The RSS enclosure, whose length is required: none for a file not made yet,
        rather than a length of 0 (Media RSS content still offers the picture)."""
        if not self.length:
            return []
        return [feedgenerator.Enclosure(self.url, str(self.length), self.mime_type)]


def heroes(stories, request):
    """{story id: HeroMedia, or None for a story without a usable picture}.

    The pictures' byte sizes come from media.renditions.stored_sizes(), all in one go.
    """
    pictures = {story.pk: feed_picture(story.hero_image) for story in stories}
    sizes = stored_sizes({rendition.name for rendition in pictures.values() if rendition})
    found = dict.fromkeys(story.pk for story in stories)
    for story in stories:
        if rendition := pictures[story.pk]:
            found[story.pk] = HeroMedia(
                url=absolute_url(rendition.url, request),
                mime_type=rendition.mime_type,
                width=rendition.width,
                height=rendition.height,
                length=sizes[rendition.name],
                description=story.hero_image.alt_text,
                credit=story.hero_image.credit,
            )
    return found


def add_media_content(handler, media):
    """<media:content> (Media RSS) for the hero picture, with its alt text and credit."""
    handler.startElement(
        "media:content",
        {
            "url": media.url,
            "medium": "image",
            "type": media.mime_type,
            "width": str(media.width),
            "height": str(media.height),
        },
    )
    if media.description:
        handler.addQuickElement("media:description", media.description, {"type": "plain"})
    if media.credit:
        handler.addQuickElement("media:credit", media.credit)
    handler.endElement("media:content")


class MetroRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per person in the byline and Media RSS pictures."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE, "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _ in item["byline"]:
            handler.addQuickElement("dc:creator", name)
        if item["hero"]:
            add_media_content(handler, item["hero"])


class MetroAtomFeed(feedgenerator.Atom1Feed):
    """Atom with one <author> (name and page) per person in the byline and Media RSS pictures."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, page in item["byline"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", page)
            handler.endElement("author")
        if item["hero"]:
            add_media_content(handler, item["hero"])


class KindFeed(Feed):
    """A feed served as RSS or as Atom, as the `kind` in its address says.

    One instance serves one request (see `as_view`), so the request and the
    items it found can live on it: items need the request for absolute URLs.
    """

    feed_types = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
    url_name = None  # The feed's own URL name, for its self link.

    def __init__(self, kind):
        self.kind = kind
        self.feed_type = self.feed_types[kind]

    @classmethod
    def as_view(cls):
        def view(request, kind, **kwargs):
            return cls(kind)(request, **kwargs)

        view.__name__ = view.__qualname__ = cls.__name__
        view.__doc__ = cls.__doc__
        return view

    def site_host(self):
        return urlsplit(absolute_url("/", self.request)).hostname


class StoryFeed(KindFeed):
    """The newest live stories of a scope, as RSS or Atom."""

    feed_types = {"rss": MetroRssFeed, "atom": MetroAtomFeed}
    allow_empty = True  # Tag and author feeds exist only while they have live stories.
    # A story keeps its id when its slug or section changes, so readers never see it twice.
    item_guid_is_permalink = False

    def __init__(self, kind):
        super().__init__(kind)
        self._heroes = {}

    # The scope: the whole site here; subclasses narrow it to a section, tag or person.

    def get_scope(self, **kwargs):
        return None

    def scope_stories(self, scope):
        return Article.objects.all()

    def route_kwargs(self, scope):
        return {}

    def scope_title(self, scope):
        return settings.SITE_NAME

    def scope_description(self, scope):
        return f"The latest stories from {settings.SITE_NAME}."

    def scope_path(self, scope):
        return reverse("home")

    def get_object(self, request, **kwargs):
        self.request = request
        scope = self.get_scope(**kwargs)
        self.stories = list(
            self.scope_stories(scope)
            .live()
            .for_cards()
            .with_tag_data()
            .order_by("-publish_at", "-pk")[:MAX_ITEMS]
        )
        if not self.stories and not self.allow_empty:
            raise Http404("No published stories here.")
        self._heroes = heroes(self.stories, request)
        return scope

    # The feed.

    def title(self, scope):
        return self.scope_title(scope)

    def description(self, scope):
        # An RSS channel's description is HTML to feed readers, like its items'
        # (item_description); section texts and names are plain text.
        return html.escape(self.scope_description(scope), quote=False)

    def subtitle(self, scope):
        return self.scope_description(scope)

    def link(self, scope):
        return absolute_url(self.scope_path(scope), self.request)

    def feed_url(self, scope):
        path = reverse(self.url_name, kwargs={**self.route_kwargs(scope), "kind": self.kind})
        return absolute_url(path, self.request)

    def feed_guid(self, scope):
        return self.feed_url(scope)

    def author_name(self):
        return settings.SITE_NAME

    def author_link(self):
        return absolute_url(reverse("home"), self.request)

    def items(self):
        return self.stories

    # Each story.

    def item_title(self, story):
        return story.headline

    def item_link(self, story):
        return absolute_url(story.get_absolute_url(), self.request)

    def item_guid(self, story):
        """A tag URI (RFC 4151) from the site's host, the story's creation date and its id."""
        return f"tag:{self.site_host()},{story.created_at:%Y-%m-%d}:story-{story.pk}"

    def item_description(self, story):
        # The standfirst is plain text, and RSS descriptions and Atom summaries
        # (type="html") are HTML: escaped once here, readers show it as written.
        return html.escape(story.standfirst, quote=False)

    def item_pubdate(self, story):
        return story.publish_at

    def item_updateddate(self, story):
        # When the words last changed, never before publication.
        return newest(story.revised_at, story.publish_at)

    def item_categories(self, story):
        names = [
            story.section.name,
            *sorted((name for _, name, _ in story.tag_data or []), key=str.casefold),
        ]
        return list(dict.fromkeys(names))

    def item_enclosures(self, story):
        hero = self.hero(story)
        return hero.enclosures() if hero else []

    def item_extra_kwargs(self, story):
        return {"byline": self.byline(story), "hero": self.hero(story)}

    def byline(self, story):
        """Everyone in the byline, in order, once each: (name, absolute author page)."""
        people = {}
        for person in story.byline_names:
            people.setdefault(person.person_id, person)
        return [
            (
                person.name,
                absolute_url(
                    reverse("articles:author", kwargs={"slug": person.slug}), self.request
                ),
            )
            for person in people.values()
        ]

    def hero(self, story):
        return self._heroes[story.pk]


class SiteFeed(StoryFeed):
    url_name = "articles:feed"


class SectionFeed(StoryFeed):
    url_name = "articles:section_feed"

    def get_scope(self, section):
        return get_object_or_404(Section, slug=section)

    def scope_stories(self, section):
        return Article.objects.filter(section=section)

    def route_kwargs(self, section):
        return {"section": section.slug}

    def scope_title(self, section):
        return f"{settings.SITE_NAME}: {section.name}"

    def scope_description(self, section):
        return (
            section.description or f"The latest {section.name} stories from {settings.SITE_NAME}."
        )

    def scope_path(self, section):
        return section.get_absolute_url()


class TagFeed(StoryFeed):
    url_name = "articles:tag_feed"
    allow_empty = False

    def get_scope(self, slug):
        return get_object_or_404(Tag, slug=slug)

    def scope_stories(self, tag):
        return Article.objects.tagged(tag)

    def route_kwargs(self, tag):
        return {"slug": tag.slug}

    def scope_title(self, tag):
        return f"{settings.SITE_NAME}: stories tagged {tag.name}"

    def scope_description(self, tag):
        return f"The latest {settings.SITE_NAME} stories tagged {tag.name}."

    def scope_path(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class AuthorFeed(StoryFeed):
    url_name = "articles:author_feed"
    allow_empty = False

    def get_scope(self, slug):
        return get_object_or_404(Person, slug=slug)

    def scope_stories(self, person):
        # Someone with two roles in a byline is listed once.
        return Article.objects.by(person)

    def route_kwargs(self, person):
        return {"slug": person.slug}

    def scope_title(self, person):
        return f"{settings.SITE_NAME}: stories by {person.name}"

    def scope_description(self, person):
        return f"The latest {settings.SITE_NAME} stories by {person.name}."

    def scope_path(self, person):
        return reverse("articles:author", kwargs={"slug": person.slug})


class PersonFeed(StoryFeed):
    """Stories a person is in ("In this story"): follow an actor. Everyone with a page has
    one, so someone not in a live story yet has an empty feed to subscribe to."""

    url_name = "articles:person_feed"

    def get_scope(self, slug):
        return get_object_or_404(Person, slug=slug)

    def scope_stories(self, person):
        return Article.objects.filter(people=person)

    def route_kwargs(self, person):
        return {"slug": person.slug}

    def scope_title(self, person):
        return f"{settings.SITE_NAME}: {person.name}"

    def scope_description(self, person):
        return f"The latest {settings.SITE_NAME} stories about {person.name}."

    def scope_path(self, person):
        return person.get_absolute_url()


class FilmFeed(StoryFeed):
    """Stories about a film or series; like a person's, it exists before the first one."""

    url_name = "articles:film_feed"

    def get_scope(self, slug):
        return get_object_or_404(Film, slug=slug)

    def scope_stories(self, film):
        return Article.objects.filter(films=film)

    def route_kwargs(self, film):
        return {"slug": film.slug}

    def scope_title(self, film):
        return f"{settings.SITE_NAME}: {film}"

    def scope_description(self, film):
        return f"The latest {settings.SITE_NAME} stories about {film}."

    def scope_path(self, film):
        return film.get_absolute_url()


class CorrectionFeed(KindFeed):
    """The newest corrections to live stories, each linking to its note on the story."""

    url_name = "articles:corrections_feed"
    item_guid_is_permalink = False

    def get_object(self, request):
        self.request = request
        self.notes = list(Correction.objects.listed()[:MAX_ITEMS])

    def title(self):
        return f"{settings.SITE_NAME}: corrections"

    def description(self):
        return html.escape(self.subtitle(), quote=False)

    def subtitle(self):
        return f"Corrections to {settings.SITE_NAME}'s stories, newest first."

    def link(self):
        return absolute_url(reverse("articles:corrections"), self.request)

    def feed_url(self):
        return absolute_url(reverse(self.url_name, kwargs={"kind": self.kind}), self.request)

    def feed_guid(self):
        return self.feed_url()

    def author_name(self):
        return settings.SITE_NAME

    def items(self):
        return self.notes

    def item_title(self, note):
        return f"Correction: {note.article.headline}"

    def item_link(self, note):
        return absolute_url(note.get_absolute_url(), self.request)

    def item_guid(self, note):
        """A tag URI (RFC 4151): the site's host, the day the note was written and its id."""
        return f"tag:{self.site_host()},{note.created_at:%Y-%m-%d}:correction-{note.pk}"

    def item_description(self, note):
        # Plain text, and feed readers read descriptions as HTML: escaped once here.
        return html.escape(note.text, quote=False)

    def item_pubdate(self, note):
        return note.published_at
