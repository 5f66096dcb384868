"""Every public page costs the same few queries with a little content as with a lot.

Each page kind is fetched twice with the cache emptied first (as after a
deploy): once with a story, a person, a film, a tag and an author that have a
little around them, then again once they have many more stories, tags,
bylines, credits, people, films and sister-site links on the page.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Authorship, Correction
from films.models import Credit
from people.models import PersonLink
from tests.factories import (
    make_article,
    make_availability,
    make_credit,
    make_film,
    make_gallery,
    make_image,
    make_person,
    make_platform,
    make_section,
    make_sister_link,
    make_sister_site,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

# The most queries any public page may cost, with an empty cache.
PAGE_QUERY_LIMIT = 8
# More than a page of a list (20), so the large fixture fills every list.
MORE = 24


def picture(size=(800, 450)):
    return make_image(file=uploaded_image(size=size))


class Newsroom:
    """The subjects of the pages measured, and a way to put more around them."""

    def __init__(self):
        self.section = make_section(name="Film", slug="film")
        self.person = make_person(name="Odile Brannagh", portrait=picture((400, 400)))
        self.author = make_person(name="Lena Sorokina", description="film critic")
        self.film = make_film(title="The Salt Ledger", platform=make_platform())
        self.story = make_article(
            live=True,
            section=self.section,
            headline="Wombat: The Salt Ledger review",
            hero_image=picture(),
            authors=[self.author],
        )
        self.story.tags.add("Thrillers")
        self.story.people.add(self.person)
        self.story.films.add(self.film)
        make_credit(self.film, self.person)
        # Links by reference in the story's body, to stories, people and films.
        self.links = [f"person:{self.person.pk}", f"film:{self.film.pk}"]
        self.grow(1)

    def grow(self, count):
        """`count` more of everything on every page measured."""
        for n in range(count):
            writer = make_person(portrait=picture((400, 400)))
            PersonLink.objects.create(person=writer, label="Bluesky", url="https://bsky.app/x")
            other_film = make_film(platform=make_platform(), poster=picture((400, 600)))
            other_person = make_person(portrait=picture((400, 400)))
            story = make_article(
                live=True,
                section=self.section,
                headline=f"Wombat news {writer.pk}",
                # Every other story leads with a gallery instead: its cards show its first picture.
                **(
                    {"lead_gallery": make_gallery([picture(), picture()])}
                    if n % 2
                    else {"hero_image": picture()}
                ),
                authors=[self.author, writer],
                featured=True,
            )
            # Twice in one byline: author and photographer.
            Authorship.objects.create(
                article=story, person=writer, role=Authorship.Role.PHOTOGRAPHER, order=5
            )
            story.tags.add("Thrillers", f"topic-{writer.pk}")
            story.people.add(self.person, other_person)
            story.films.add(self.film, other_film)
            self.story.tags.add(f"angle-{writer.pk}")
            self.story.people.add(other_person)
            self.story.films.add(other_film)
            Authorship.objects.create(article=self.story, person=writer, order=10 + writer.pk)
            make_credit(other_film, self.person, character_name=f"Role {writer.pk}")
            make_credit(self.film, other_person, character_name=f"Part {writer.pk}")
            make_credit(self.film, writer, role=Credit.Role.WRITER)
            site = make_sister_site()
            for _ in range(3):
                make_sister_link(site)
            # Notes on the story and on another, and where to watch the films.
            Correction.objects.create(article=self.story, text=f"Correction {writer.pk}")
            Correction.objects.create(article=story, text=f"Correction {writer.pk}")
            Correction.objects.create(article=story, text="Update", kind=Correction.Kind.UPDATE)
            make_availability(self.film, ordering=writer.pk)
            make_availability(other_film, url=f"https://watch.example/{writer.pk}")
            make_availability(self.film, region="GB")
            self.links += [
                f"article:{story.pk}",
                f"person:{other_person.pk}",
                f"film:{other_film.pk}",
            ]
        body = "".join(f'<p><a href="/x/" data-link="{ref}">{ref}</a></p>' for ref in self.links)
        Article.objects.filter(pk=self.story.pk).update(body=body)

    def paths(self):
        section = self.section.slug
        return {
            "home": "/",
            "section": f"/{section}/",
            "article": self.story.get_absolute_url(),
            "person": self.person.get_absolute_url(),
            "film": self.film.get_absolute_url(),
            "tag": "/tags/thrillers/",
            "author": f"/authors/{self.author.slug}/",
            "search": "/search/?q=wombat",
            "feed rss": "/feeds/rss/",
            "feed atom": "/feeds/atom/",
            "section feed": f"/feeds/sections/{section}/rss/",
            "tag feed": "/feeds/tags/thrillers/atom/",
            "author feed": f"/feeds/authors/{self.author.slug}/rss/",
            "person feed": f"/feeds/people/{self.person.slug}/atom/",
            "film feed": f"/feeds/films/{self.film.slug}/rss/",
            "people directory": "/people/",
            "people under a letter": "/people/?letter=p",
            "films directory": "/films/",
            "topics directory": "/tags/",
            "authors directory": "/authors/",
            "authors under a letter": "/authors/?letter=l",
            "corrections": "/corrections/",
            "corrections rss": "/feeds/corrections/rss/",
            "corrections atom": "/feeds/corrections/atom/",
            "sitemap index": "/sitemap.xml",
            "articles sitemap": "/sitemap-articles.xml",
            "sections sitemap": "/sitemap-sections.xml",
            "tags sitemap": "/sitemap-tags.xml",
            "people sitemap": "/sitemap-people.xml",
            "films sitemap": "/sitemap-films.xml",
            "news sitemap": "/news-sitemap.xml",
        }


def queries(client, path):
    """The SQL a request runs with an empty cache."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in captured.captured_queries]


def counts(client, paths):
    return {name: len(queries(client, path)) for name, path in paths.items()}


def test_every_page_costs_the_same_queries_with_little_or_much_content(client):
    newsroom = Newsroom()
    paths = newsroom.paths()
    counts(client, paths)  # Once per process: content types, the page generation's file.

    small = counts(client, paths)
    newsroom.grow(MORE)
    large = counts(client, paths)

    assert large == small
    assert {name: count for name, count in large.items() if count > PAGE_QUERY_LIMIT} == {}


def test_the_large_pages_show_what_they_were_given(client):
    """The fixture really fills the pages, so equal counts mean something."""
    newsroom = Newsroom()
    newsroom.grow(MORE)
    paths = newsroom.paths()

    story = client.get(paths["article"]).content.decode()
    assert story.count('class="person-card"') == MORE + 2
    assert story.count('class="film-card"') == MORE + 2
    assert story.count('href="/tags/angle-') == MORE + 1
    assert story.count("data-link=") == 2 + 3 * (MORE + 1)
    section = client.get(paths["section"]).content.decode()
    assert section.count('class="card ') + section.count('class="card"') == 20
    assert section.count('class="card__image"') == 20  # Lead galleries' cards too.
    assert 'rel="next"' in section
    assert story.count('class="story-note story-note--correction"') == MORE + 1
    # Where to watch the story's first film, then each other film's one entry.
    assert story.count("Stream on ") == 2 * (MORE + 1)
    film = client.get(paths["film"]).content.decode()
    assert film.count('class="person-card"') == MORE + 2
    for name in ("people directory", "films directory", "topics directory", "authors directory"):
        directory = client.get(paths[name]).content.decode()
        assert directory.count('class="directory__entry"') >= MORE, name
    assert "Lena Sorokina" in client.get(paths["authors under a letter"]).content.decode()
    assert film.count("Stream on ") == MORE + 1
    corrections = client.get(paths["corrections"]).content.decode()
    assert corrections.count('class="correction-list__item"') == 20


@pytest.mark.parametrize("page", ["section", "tag", "author"])
def test_long_lists_are_never_counted(client, page):
    newsroom = Newsroom()
    newsroom.grow(MORE)
    path = newsroom.paths()[page]

    first = queries(client, path)
    assert not [sql for sql in first if "COUNT(" in sql.upper()]
    older = client.get(path, {"page": 2})
    assert older.status_code == 200
    assert 'rel="prev"' in older.content.decode()
    assert client.get(path, {"page": 3}).status_code == 404


def story_with_galleries(galleries, pictures):
    """A live story leading with a gallery of `pictures` and with `galleries` more in its
    body, each of `pictures` pictures, beside a library figure."""

    def gallery():
        return make_gallery([picture((600, 400)) for _ in range(pictures)])

    body = "".join(
        f'<p>Words.</p><figure class="media-gallery" data-gallery-id="{gallery().pk}"></figure>'
        for _ in range(galleries)
    )
    body += f'<figure class="media-image" data-image-id="{picture().pk}"></figure>'
    return make_article(live=True, lead_gallery=gallery(), body=body)


def test_a_story_costs_the_same_with_one_or_three_galleries_of_two_or_twelve_pictures(client):
    """Every gallery of a story page, with every picture, comes in one query."""
    small = story_with_galleries(1, 2)
    large = story_with_galleries(3, 12)
    queries(client, small.get_absolute_url())  # Once per process, as above.

    small_count = len(queries(client, small.get_absolute_url()))
    large_count = len(queries(client, large.get_absolute_url()))

    assert small_count == large_count <= PAGE_QUERY_LIMIT
    page = client.get(large.get_absolute_url()).content.decode()
    assert page.count('<section class="gallery') == 4
    assert page.count('<li class="gallery__slide">') == 4 * 12
