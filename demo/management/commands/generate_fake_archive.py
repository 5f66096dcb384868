"""Fill the database with a large invented archive, fast, for trying Metro at scale.

Everything is inserted with bulk_create, a batch per transaction: people with
portraits, films and series with posters, genres and credits, and stories spread
over the last ten years across every section, each with 1–3 authors, 0–6 tags,
and links to the people and films it is about. A few real image files are made
once; the thousands of image records share them.

bulk_create skips Article.save() and the signals that keep search current, so
the command fills `body_text` and `search_terms` itself, exactly as save() and
the signals would (on PostgreSQL, `search_document` is a generated column and
fills itself).
"""

import random
import time
from datetime import date, timedelta
from html import escape
from io import BytesIO
from itertools import batched

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from taggit.models import Tag, TaggedItem

from articles.models import Article, Authorship, Section
from articles.search import plain_text
from core import pagecache
from core.tags import tag_slug
from demo.sections import SECTIONS
from films.models import Credit, Film, Genre, Platform
from media.models import Image
from people.models import Person

ARCHIVE_YEARS = 10
ARCHIVE_SECONDS = ARCHIVE_YEARS * 365 * 24 * 3600

# --- Word lists -------------------------------------------------------------------------

FIRST_NAMES = (
    "Ada Alma Amir Anika Arlo Aurora Bea Callum Cleo Dario Delphine Eero Elif Elliot Esme "
    "Farah Felix Freya Gael Greta Hana Hugo Ines Ivo Jonah Juno Kaito Kasia Lars Leila Linus "
    "Lucia Mabel Malik Mara Mateo Mina Nadia Nico Noor Odile Omar Orla Otto Paz Priya Quentin "
    "Rafa Rosa Rui Saoirse Selma Silas Sunny Tamsin Teo Uma Vera Wim Yara Zora"
).split()
LAST_NAMES = (
    "Abara Achterberg Bellamy Brandt Castell Cruz Dahl Delacroix Ekwueme Falk Ferreira Gallo "
    "Grieve Halloran Haas Ibsen Iwata Jansen Kaur Kovac Laine Lindqvist Marchetti Mbeki "
    "Moreau Nakamura Novak O'Hare Okafor Oyelaran Pereira Quill Rahman Reyes Rossi Sato "
    "Silva Sorensen Tanaka Thorne Underhill Valdez Varga Vance Weller Whitlock Xu Yilmaz "
    "Young Zamora Zielinski"
).split()
TALENT_DESCRIPTIONS = [
    "actor",
    "actor",
    "actor",
    "director",
    "screenwriter",
    "producer",
    "composer",
    "cinematographer",
    "editor",
    "showrunner",
]
WRITER_DESCRIPTIONS = [
    "film critic",
    "TV critic",
    "staff writer",
    "news reporter",
    "features editor",
]
TITLE_ADJECTIVES = (
    "Silent Last Broken Golden Hidden Midnight Lost Burning Quiet Wild Electric Paper Glass "
    "Northern Crimson Endless Hollow Distant Velvet Iron Salt Winter Bright Secret Little "
    "Savage Gentle Long Frozen Lonely"
).split()
TITLE_NOUNS = (
    "Harbour Summer Kingdom Witness River Garden Empire Signal Orchard Station Tide Frontier "
    "Letters Hours Island Machine Season Crown Neighbours Lighthouse Orbit Inheritance Ferry "
    "Circus Archive Hotel Valley Choir Heist Dynasty"
).split()
PLACES = (
    "Lisbon Marrakesh Oslo Tbilisi Galway Palermo Kyoto Valparaíso Detroit Tangier Riga "
    "Bordeaux Halifax Naples Dakar"
).split()
TOPICS = [
    "Box office",
    "Streaming",
    "Casting",
    "Festivals",
    "Awards season",
    "Trailers",
    "Sequels",
    "Remakes",
    "Adaptations",
    "Documentaries",
    "Animation",
    "Horror",
    "Comedy",
    "Science fiction",
    "Crime drama",
    "Period drama",
    "Superheroes",
    "Independent film",
    "World cinema",
    "Limited series",
    "Reality TV",
    "Soundtracks",
    "Cinematography",
    "Screenwriting",
    "Debut features",
    "Ratings",
    "Renewals",
    "Cancellations",
    "Industry",
    "Strikes",
    "Cinemas",
    "Restorations",
]
EVENTS = ["Cannes", "Venice", "Berlinale", "Sundance", "Oscars", "Emmys", "BAFTAs"]
PLATFORMS = [
    "Northlight",
    "Cinevault",
    "Harbour TV",
    "Quarry Pictures",
    "Lumen+",
    "Orbit Studios",
    "Channel North",
    "Brightside Films",
]
GENRES = [
    "Drama",
    "Comedy",
    "Thriller",
    "Horror",
    "Documentary",
    "Science fiction",
    "Romance",
    "Animation",
    "Crime",
    "Fantasy",
]
RATINGS = ["G", "PG", "PG-13", "R", "TV-14", "TV-MA", "12A", "15"]
VERDICTS = [
    "a quiet triumph",
    "handsome but hollow",
    "the year's most daring debut",
    "a mess worth seeing",
    "slow, strange and unforgettable",
    "a crowd-pleaser with a bite",
    "not nearly as clever as it thinks",
    "a career best",
]
QUOTES = [
    "I wanted it to feel dangerous",
    "We shot it in twenty-three days",
    "Nobody believed in this film",
    "The ending was never in doubt",
    "I still don't know who my character is",
    "It is a love letter to my mother",
    "Comedy is the hardest thing I have done",
]

# Headlines and standfirsts by section; {person}, {film}, {platform}, {topic}, {event},
# {verdict}, {quote}, {n} and {month} are filled in. Templates needing a person or a
# film are only used for stories linked to one.
HEADLINES = {
    "news": [
        "{person} to star in {film}",
        "{platform} renews {film} for season {n}",
        "{film} sets {month} release date",
        "{person} joins the cast of {film}",
        "{platform} wins the bidding war for {film}",
        "{event} line-up: {film} leads the competition",
        "{topic}: what this week's deals mean",
    ],
    "film": [
        "Inside the making of {film}",
        "How {person} shot {film} on a shoestring",
        "Why {film} is the film everyone is arguing about",
        "The long road to {film}",
        "{topic} is having a moment, and {film} proves it",
        "Ten years of {topic}: the films that mattered",
    ],
    "tv": [
        "{film} season {n} is its boldest yet",
        "Everything we know about {film} season {n}",
        "{platform} bets big on {film}",
        "Why {person} is the face of {topic} on TV",
        "The best {topic} series to watch this month",
    ],
    "interviews": [
        "{person}: “{quote}”",
        "{person} on {film}, fame and starting over",
        "“{quote}”: {person} on making {film}",
        "In conversation: {person}",
    ],
    "reviews": [
        "{film} review: {verdict}",
        "{film} review – {person} is {verdict}",
        "Review: {film}, {verdict}",
    ],
    "": [
        "{person} and {film}: the story so far",
        "{topic}: where it goes from here",
        "What {film} tells us about {topic}",
        "{event} diary: day {n}",
    ],
}
STANDFIRSTS = [
    "{person} talks us through the choices that shaped {film}.",
    "After years in development, {film} finally arrives on {platform}.",
    "The {event} favourite has divided critics, and that is the point.",
    "A look at how {topic} is changing what we watch, and who gets to make it.",
    "Sources say the deal is worth more than any {platform} has signed before.",
    "It is funny, furious and far too long. We loved it anyway.",
    "The numbers are in, and they tell a surprising story about {topic}.",
]
SENTENCES = [
    "{person} first read the script for {film} on a train to {place}.",
    "The production moved to {place} in the spring, months behind schedule.",
    "Nobody at {platform} expected {film} to find an audience this quickly.",
    "Critics at {event} were split, but the applause lasted for minutes.",
    "It is the kind of story {topic} has been waiting for.",
    "{person} describes the shoot as the hardest of a long career.",
    "The budget was modest, and every penny shows on screen.",
    "Early figures suggest {film} has outperformed expectations by a wide margin.",
    "The score, all strings and static, does half the storytelling.",
    "There are scenes in {film} that will be studied for years.",
    "Not every gamble pays off, and the third act drifts.",
    "The supporting cast is uniformly excellent.",
    "{platform} declined to comment on the viewing figures.",
    "Whatever happens next, {person} has earned the attention.",
    "The debate about {topic} is not going away.",
    "Shot in {n} weeks across {place}, it looks like it cost ten times as much.",
]
MONTHS = (
    "January February March April May June July August September October November December"
).split()

# Real files the image records share: (kind, how many, size).
IMAGE_FILES = [("hero", 8, (960, 540)), ("portrait", 6, (400, 400)), ("poster", 6, (400, 600))]

# How many of each a story has, with their weights.
AUTHOR_COUNTS = ([1, 2, 3], [70, 22, 8])
TAG_COUNTS = ([0, 1, 2, 3, 4, 5, 6], [5, 15, 25, 25, 15, 10, 5])
PEOPLE_COUNTS = ([0, 1, 2, 3, 4], [15, 35, 30, 15, 5])
FILM_COUNTS = ([0, 1, 2, 3], [20, 50, 22, 8])


class Progress:
    """One line rewritten in place on a terminal; a line every few seconds otherwise."""

    def __init__(self, out, label, total, *, enabled=True, interval=5.0):
        self.out, self.label, self.total = out, label, total
        self.enabled = enabled
        self.tty = enabled and out.isatty()
        self.interval = interval
        self.done = 0
        self.started = self.last_line = time.monotonic()
        self.width = 0

    def advance(self, count):
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            line = self.line(now)
            self.out.write("\r" + line.ljust(self.width), ending="")
            self.width = len(line)
            self.out.flush()
        elif now - self.last_line >= self.interval or self.done >= self.total:
            self.out.write(self.line(now))
            self.last_line = now

    def finish(self):
        if self.tty and self.done:
            self.out.write("")

    def line(self, now):
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        share = self.done / self.total if self.total else 1
        eta = (self.total - self.done) / rate if rate else 0
        bar = f"[{'#' * int(share * 20):<20}] " if self.tty else ""
        return (
            f"  {self.label}: {bar}{self.done:,}/{self.total:,} ({share:.0%}) · "
            f"{rate:,.0f}/s · ETA {clock(eta)}"
        )


def clock(seconds):
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}:{seconds:02d}"


class Command(BaseCommand):
    help = (
        "Generate a large invented archive with bulk inserts: stories spread over ten years and "
        "every section, with authors, tags, people and films, plus thousands of people, films, "
        "credits and images. For trying the site at scale; never on the real site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=1000, help="Stories to add (default 1000)."
        )
        parser.add_argument(
            "--people", type=int, help="People to add (default: articles/20, at least 200)."
        )
        parser.add_argument(
            "--films", type=int, help="Films and series to add (default: articles/50, at least 50)."
        )
        parser.add_argument(
            "--seed", type=int, help="Seed for the random choices; the same seed, the same archive."
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=2000,
            help="Rows inserted per statement and stories per transaction (default 2000).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off, e.g. on a staging site. Never on the real site: "
            "the invented stories go live.",
        )

    def handle(self, *args, articles, people, films, seed, batch_size, force, verbosity, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to generate a fake archive with DEBUG off: it publishes invented "
                "stories. Use --force on a staging site."
            )
        people = max(200, articles // 20) if people is None else people
        films = max(50, articles // 50) if films is None else films
        if articles < 0:
            raise CommandError("--articles cannot be negative.")
        if people < 10 or films < 1:
            raise CommandError("Use at least 10 people and 1 film.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if seed is None:
            seed = random.SystemRandom().randrange(2**32)

        started = time.monotonic()
        generator = ArchiveGenerator(
            random.Random(seed),
            batch_size=batch_size,
            progress=lambda label, total: Progress(
                self.stdout, label, total, enabled=verbosity > 0
            ),
        )
        generator.run(articles=articles, people=people, films=films)
        # Bulk inserts send no signals: expire cached pages here.
        pagecache.content_changed()
        if verbosity:
            elapsed = time.monotonic() - started
            counts = ", ".join(f"{count:,} {name}" for name, count in generator.counts.items())
            rate = articles / elapsed if elapsed else 0
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added {counts} in {clock(elapsed)} ({elapsed:.1f} s, "
                    f"{rate:,.0f} stories/s). Seed {seed}."
                )
            )


class ArchiveGenerator:
    def __init__(self, rng, *, batch_size, progress):
        self.rng = rng
        self.batch_size = batch_size
        self.progress = progress
        self.counts = dict.fromkeys(
            [
                "stories",
                "authorships",
                "tag links",
                "story–person links",
                "story–film links",
                "tags",
                "people",
                "films",
                "credits",
                "images",
                "image files",
            ],
            0,
        )
        self.now = timezone.now()

    def run(self, *, articles, people, films):
        self.sections = self.ensure_sections()
        self.platforms, self.genres = self.ensure_platforms_and_genres()
        self.tags = self.ensure_tags()
        self.files = self.make_image_files()
        self.make_people(people)
        self.make_films(films)
        self.hero_ids = self.make_images("hero", max(50, articles // 10), self.hero_words)
        self.make_articles(articles)

    # --- Setup ---------------------------------------------------------------------------

    def ensure_sections(self):
        if not Section.objects.exists():
            Section.objects.bulk_create(
                Section(name=s.name, slug=s.slug, description=s.description, order=s.order)
                for s in SECTIONS
            )
        return list(Section.objects.all())

    def ensure_platforms_and_genres(self):
        if not Platform.objects.exists():
            Platform.objects.bulk_create(Platform(name=n, slug=slugify(n)) for n in PLATFORMS)
        if not Genre.objects.exists():
            Genre.objects.bulk_create(Genre(name=n, slug=slugify(n)) for n in GENRES)
        return list(Platform.objects.all()), list(Genre.objects.values_list("pk", flat=True))

    def ensure_tags(self):
        """The tag pool, popular ones first: missing tags are added, existing ones reused."""
        years = range(self.now.year - ARCHIVE_YEARS + 1, self.now.year + 1)
        names = TOPICS + [f"{event} {year}" for event in EVENTS for year in years]
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        taken = set(Tag.objects.values_list("slug", flat=True))
        new = []
        for name in names:
            slug = tag_slug(name)
            if name not in existing and slug not in taken:
                new.append(Tag(name=name, slug=slug))
                taken.add(slug)
        Tag.objects.bulk_create(new, batch_size=self.batch_size)
        self.counts["tags"] = len(new)
        by_name = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
        return [(by_name[name].pk, name) for name in names if name in by_name]

    def make_image_files(self):
        """A few real, small pictures, saved through the ORM so they carry their facts."""
        files = {}
        for kind, count, size in IMAGE_FILES:
            files[kind] = []
            for number in range(count):
                picture = PILImage.new("RGB", size, self.colour())
                draw = ImageDraw.Draw(picture)
                for _ in range(6):
                    x, y = self.rng.randrange(size[0]), self.rng.randrange(size[1])
                    r = self.rng.randrange(20, max(size) // 2)
                    draw.ellipse((x - r, y - r, x + r, y + r), fill=self.colour())
                buffer = BytesIO()
                picture.save(buffer, "JPEG", quality=80)
                image = Image(
                    title=f"Archive sample {kind} {number + 1}",
                    alt_text=f"An abstract {kind} picture of coloured circles",
                    credit="PHOTO: Metro archive",
                )
                image.file.save(f"archive-{kind}-{number + 1}.jpg", ContentFile(buffer.getvalue()))
                files[kind].append(image)
        self.counts["image files"] = sum(len(images) for images in files.values())
        self.counts["images"] += self.counts["image files"]
        return files

    def colour(self):
        return tuple(self.rng.randrange(40, 230) for _ in range(3))

    # --- People, films, images -------------------------------------------------------------

    def make_people(self, total):
        rng = self.rng
        start = next_number(Person)
        writers = max(10, total // 50)
        portraits = self.make_images(
            "portrait", total // 3, lambda n: self.image_words(n, "portrait")
        )
        self.people = []  # (pk, name)
        self.writer_ids = []
        progress = self.progress("people", total)
        for numbers in batched(range(total), self.batch_size):
            rows = []
            for number in numbers:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                is_writer = number < writers
                description = rng.choice(WRITER_DESCRIPTIONS if is_writer else TALENT_DESCRIPTIONS)
                rows.append(
                    Person(
                        name=name,
                        slug=f"{slugify(name)}-{start + number}",
                        description=description,
                        bio=f"{name} is a {description} based in {rng.choice(PLACES)}.",
                        portrait_id=portraits[number] if number < len(portraits) else None,
                        birth_date=date(1940, 1, 1) + timedelta(days=rng.randrange(60 * 365)),
                    )
                )
            with transaction.atomic():
                Person.objects.bulk_create(rows, batch_size=self.batch_size)
            ensure_pks(rows)
            for number, person in zip(numbers, rows, strict=True):
                self.people.append((person.pk, person.name))
                if number < writers:
                    self.writer_ids.append(person.pk)
            progress.advance(len(rows))
        progress.finish()
        self.counts["people"] = total
        # Authors and subjects are picked from these, so the lists stay fixed from here on.
        self.talent = self.people[len(self.writer_ids) :] or self.people

    def make_films(self, total):
        rng = self.rng
        start = next_number(Film)
        posters = self.make_images(
            "poster", total * 2 // 3, lambda n: self.image_words(n, "poster")
        )
        self.films = []  # (pk, title)
        progress = self.progress("films", total)
        for numbers in batched(range(total), self.batch_size):
            rows = []
            for number in numbers:
                title = self.film_title()
                series = rng.random() < 0.3
                rows.append(
                    Film(
                        title=title,
                        slug=f"{slugify(title)}-{start + number}",
                        kind=Film.Kind.SERIES if series else Film.Kind.FILM,
                        release_date=self.now.date() - timedelta(days=rng.randrange(15 * 365)),
                        platform=rng.choice(self.platforms),
                        runtime_minutes=rng.randrange(40, 60) if series else rng.randrange(80, 170),
                        rating=rng.choice(RATINGS),
                        synopsis=f"{title}: a story of {rng.choice(TITLE_NOUNS).lower()}s and "
                        f"{rng.choice(TITLE_NOUNS).lower()}s, set in {rng.choice(PLACES)}.",
                        poster_id=posters[number] if number < len(posters) else None,
                    )
                )
            with transaction.atomic():
                Film.objects.bulk_create(rows, batch_size=self.batch_size)
                ensure_pks(rows)
                credits, genres = [], []
                for film in rows:
                    credits.extend(self.film_credits(film))
                    for genre_id in rng.sample(
                        self.genres, min(len(self.genres), rng.randint(1, 3))
                    ):
                        genres.append(Film.genres.through(film_id=film.pk, genre_id=genre_id))
                Credit.objects.bulk_create(credits, batch_size=self.batch_size)
                Film.genres.through.objects.bulk_create(genres, batch_size=self.batch_size)
            self.films.extend((film.pk, film.title) for film in rows)
            self.counts["credits"] += len(credits)
            progress.advance(len(rows))
        progress.finish()
        self.counts["films"] = total

    def film_title(self):
        rng = self.rng
        adjective, noun = rng.choice(TITLE_ADJECTIVES), rng.choice(TITLE_NOUNS)
        match rng.randrange(4):
            case 0:
                return f"The {adjective} {noun}"
            case 1:
                return f"{adjective} {noun}"
            case 2:
                return f"{noun} of {rng.choice(PLACES)}"
            case _:
                return f"The {noun} {rng.choice(['Affair', 'Years', 'Club', 'Line', 'House'])}"

    def film_credits(self, film):
        rng = self.rng
        cast = rng.sample(self.talent, min(len(self.talent), rng.randint(4, 10)))
        roles = [Credit.Role.DIRECTOR, Credit.Role.WRITER] + [Credit.Role.ACTOR] * len(cast)
        if film.kind == Film.Kind.SERIES:
            roles[1] = Credit.Role.CREATOR
        for order, ((person_id, _), role) in enumerate(zip(cast, roles, strict=False)):
            yield Credit(
                film_id=film.pk,
                person_id=person_id,
                role=role,
                character_name=rng.choice(FIRST_NAMES) if role == Credit.Role.ACTOR else "",
                billing_order=order,
            )

    def make_images(self, kind, total, words):
        """`total` image records sharing the real files of `kind`; their ids."""
        sources = self.files[kind]
        ids = []
        for numbers in batched(range(total), self.batch_size):
            rows = []
            for number in numbers:
                source = self.rng.choice(sources)
                title, alt_text, caption = words(number)
                rows.append(
                    Image(
                        file=source.file.name,
                        title=title,
                        alt_text=alt_text,
                        caption=caption,
                        credit="PHOTO: Metro archive",
                        width=source.width,
                        height=source.height,
                        file_format=source.file_format,
                        file_size=source.file_size,
                        content_hash=source.content_hash,
                        focal_point_x=round(self.rng.uniform(0.3, 0.7), 2),
                        focal_point_y=round(self.rng.uniform(0.3, 0.7), 2),
                    )
                )
            with transaction.atomic():
                Image.objects.bulk_create(rows, batch_size=self.batch_size)
            ensure_pks(rows)
            ids.extend(image.pk for image in rows)
        self.counts["images"] += total
        return ids

    def image_words(self, number, kind):
        place = self.rng.choice(PLACES)
        return (
            f"Archive {kind} {number + 1}",
            f"A {kind} photograph taken in {place}",
            f"Photographed in {place}.",
        )

    def hero_words(self, number):
        place = self.rng.choice(PLACES)
        scene = self.rng.choice(["On set", "At the premiere", "Behind the scenes", "A still"])
        return (f"Archive still {number + 1}", f"{scene} in {place}", f"{scene}, {place}.")

    # --- Stories -------------------------------------------------------------------------

    def make_articles(self, total):
        start = next_number(Article)
        self.content_type = ContentType.objects.get_for_model(Article)
        self.tag_weights = [1 / (rank + 2) for rank in range(len(self.tags))]
        self.headlines = {
            section.pk: HEADLINES.get(section.slug, HEADLINES[""]) for section in self.sections
        }
        progress = self.progress("stories", total)
        for numbers in batched(range(total), self.batch_size):
            stories = [self.story(start + number) for number in numbers]
            with transaction.atomic():
                Article.objects.bulk_create([s[0] for s in stories], batch_size=self.batch_size)
                ensure_pks([s[0] for s in stories])
                self.link(stories)
            self.counts["stories"] += len(stories)
            # With DEBUG on, Django keeps the SQL of every query: megabytes per batch here.
            reset_queries()
            progress.advance(len(stories))
        progress.finish()

    def story(self, number):
        """An unsaved Article with the ids of its authors, tags, people and films."""
        rng = self.rng
        section = rng.choice(self.sections)
        people = rng.sample(self.talent, min(len(self.talent), weighted(rng, PEOPLE_COUNTS)))
        films = rng.sample(self.films, min(len(self.films), weighted(rng, FILM_COUNTS)))
        tags = set()
        for _ in range(weighted(rng, TAG_COUNTS)):
            tags.add(rng.choices(self.tags, weights=self.tag_weights)[0])
        tags = sorted(tags, key=lambda tag: tag[1])
        authors = rng.sample(
            self.writer_ids, min(len(self.writer_ids), weighted(rng, AUTHOR_COUNTS))
        )
        words = {
            "person": people[0][1] if people else rng.choice(self.talent)[1],
            "film": films[0][1] if films else self.film_title(),
            "platform": rng.choice(self.platforms).name,
            "topic": tags[0][1] if tags and tags[0][1] in TOPICS else rng.choice(TOPICS).lower(),
            "event": rng.choice(EVENTS),
            "verdict": rng.choice(VERDICTS),
            "quote": rng.choice(QUOTES),
            "place": rng.choice(PLACES),
            "month": rng.choice(MONTHS),
            "n": rng.randint(2, 9),
        }
        candidates = [
            template
            for template in self.headlines[section.pk]
            if (people or "{person}" not in template) and (films or "{film}" not in template)
        ] or HEADLINES[""][1:2]
        headline = rng.choice(candidates).format(**words)[:200]
        standfirst = rng.choice(STANDFIRSTS).format(**words)
        safe = {
            key: escape(value, quote=False) if isinstance(value, str) else value
            for key, value in words.items()
        }
        body = "".join(
            "<p>"
            + " ".join(rng.choice(SENTENCES).format(**safe) for _ in range(rng.randint(3, 5)))
            + "</p>"
            for _ in range(rng.randint(3, 6))
        )
        status = rng.choices(
            [Article.Status.PUBLISHED, Article.Status.DRAFT, Article.Status.REVIEW], [96, 3, 1]
        )[0]
        publish_at = None
        revised_at = None
        if status == Article.Status.PUBLISHED:
            publish_at = self.now - timedelta(seconds=rng.randrange(60, ARCHIVE_SECONDS - 86400))
            if rng.random() < 0.1:
                revised_at = min(self.now, publish_at + timedelta(hours=rng.randint(1, 72)))
        article = Article(
            headline=headline,
            slug=f"{slugify(headline)[:180].strip('-')}-{number}",
            standfirst=standfirst,
            body=body,
            body_text=plain_text(body),
            search_terms=", ".join(
                [
                    *sorted(name for _, name in tags),
                    *sorted(name for _, name in people),
                    *sorted(title for _, title in films),
                ]
            ),
            section=section,
            hero_image_id=rng.choice(self.hero_ids) if rng.random() < 0.85 else None,
            status=status,
            publish_at=publish_at,
            first_published_at=publish_at,
            revised_at=revised_at,
            featured=rng.random() < 0.01,
        )
        return article, authors, tags, people, films

    def link(self, stories):
        authorships, tagged, people, films = [], [], [], []
        for article, author_ids, tags, story_people, story_films in stories:
            for order, person_id in enumerate(author_ids):
                authorships.append(
                    Authorship(article_id=article.pk, person_id=person_id, order=order)
                )
            for tag_id, _ in tags:
                tagged.append(
                    TaggedItem(tag_id=tag_id, content_type=self.content_type, object_id=article.pk)
                )
            for person_id, _ in story_people:
                people.append(Article.people.through(article_id=article.pk, person_id=person_id))
            for film_id, _ in story_films:
                films.append(Article.films.through(article_id=article.pk, film_id=film_id))
        for model, rows, label in [
            (Authorship, authorships, "authorships"),
            (TaggedItem, tagged, "tag links"),
            (Article.people.through, people, "story–person links"),
            (Article.films.through, films, "story–film links"),
        ]:
            model.objects.bulk_create(rows, batch_size=self.batch_size)
            self.counts[label] += len(rows)


def weighted(rng, counts):
    values, weights = counts
    return rng.choices(values, weights)[0]


def next_number(model):
    """A number above every primary key so far: slugs ending in numbers from here never collide
    with those made by earlier runs, which never exceeded their own row's key."""
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def ensure_pks(rows):
    """bulk_create sets primary keys on PostgreSQL and SQLite 3.35+; the links need them."""
    if any(row.pk is None for row in rows):
        raise CommandError("This database does not return keys from bulk inserts.")
