"""The shapes of the demo content: plain, frozen descriptions the loader turns into rows."""

from dataclasses import dataclass, field

HERO = (1600, 900)
STILL = (1200, 800)
POSTER = (800, 1200)
PORTRAIT = (600, 600)
LOGO = (400, 400)


@dataclass(frozen=True)
class Picture:
    """An image to draw at load time, with the words it carries in the media library.

    `scene` names a drawing in demo.images, `palette` its colours; `lines`
    are words drawn on it (a poster's title, tagline and billing, a neon sign).
    The title identifies the image, so two pictures never share one.
    """

    title: str
    alt_text: str
    caption: str
    credit: str
    scene: str
    palette: str
    size: tuple[int, int] = HERO
    lines: tuple[str, ...] = ()
    poster: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionSpec:
    name: str
    slug: str
    description: str
    order: int


@dataclass(frozen=True)
class PersonSpec:
    name: str
    slug: str
    description: str
    bio: str
    portrait: Picture
    birth_date: str = ""  # ISO date
    website: str = ""


@dataclass(frozen=True)
class WatchSpec:
    """One place to watch a film: "Stream on Netflix" in the US from its release day.

    `after_release_days` counts from the film's release date (None: there already);
    `platform` is a Platform name, or "" for a cinema release with no chain named.
    """

    how: str  # an Availability.How value
    platform: str = ""
    region: str = "US"
    after_release_days: int | None = 0
    url: str = ""


@dataclass(frozen=True)
class FilmSpec:
    title: str
    slug: str
    kind: str  # "film" or "series"
    platform: str  # a Platform name
    genres: tuple[str, ...]
    release_in_days: int  # relative to the load; negative means already out
    runtime_minutes: int
    rating: str
    synopsis: str
    poster: Picture
    cast: tuple[tuple[str, str], ...]  # (person slug, character), in billing order
    crew: tuple[tuple[str, str], ...]  # (person slug, Credit.Role value)
    watch: tuple[WatchSpec, ...] = ()


@dataclass(frozen=True)
class Byline:
    person: str  # a person's slug
    role: str = "author"  # an Authorship.Role value


@dataclass(frozen=True)
class GalleryPicture:
    """A picture in a gallery, with the caption and credit it has there ("" for its own)."""

    picture: Picture
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class GallerySpec:
    """A gallery of library pictures; its title identifies it."""

    title: str
    items: tuple[GalleryPicture, ...]


@dataclass(frozen=True)
class NoteSpec:
    """A correction or update on a live story, dated `after_days` after it went live."""

    text: str
    after_days: float
    kind: str = "correction"  # an articles Correction.Kind value


def by(*authors, photos=None):
    """A byline: authors in order, then the photographer if there is one."""
    names = tuple(Byline(slug) for slug in authors)
    return names + ((Byline(photos, "photographer"),) if photos else ())


@dataclass(frozen=True)
class StorySpec:
    """One article. `age_days` is how long ago it went live (negative: scheduled ahead).

    A body may hold markers `[[figure 1]]`, `[[figure 2]]`… that the loader
    replaces with the in-body image markup of `figures[0]`, `figures[1]`…;
    `[[gallery 1]]`… for `galleries[0]`…; and `[[embed URL]]` for the embed
    block of a video or post address (stored by provider and id, as the editor
    stores it; nothing is fetched from the provider).
    """

    headline: str
    slug: str
    section: str
    standfirst: str
    body: str
    hero: Picture
    bylines: tuple[Byline, ...]
    tags: tuple[str, ...]
    people: tuple[str, ...] = ()
    films: tuple[str, ...] = ()
    status: str = "published"
    age_days: float | None = None
    featured: bool = False
    hero_caption: str = ""
    figures: tuple[Picture, ...] = field(default=())
    format: str = "news"  # an Article.Format value
    rating: int | None = None  # a review's stars, in half stars (9 is 4½)
    reviewed_film: str = ""  # the slug of the film a review reviews
    galleries: tuple[GallerySpec, ...] = ()
    lead_video: str = ""  # a video's address: the story leads with it, `hero` its poster
    lead_gallery: GallerySpec | None = None
    notes: tuple[NoteSpec, ...] = ()


@dataclass(frozen=True)
class SisterLinkSpec:
    title: str
    path: str  # appended to the site's home URL
    age_days: float
    pinned: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class SisterSiteSpec:
    name: str
    slug: str
    home_url: str
    logo: Picture
    order: int
    links: tuple[SisterLinkSpec, ...]
    feed_url: str = ""
