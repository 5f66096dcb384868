"""The story page's byline, people and films, read with the story in one query, are the
same instances, in the same order, as the ORM gives."""

from datetime import date

import pytest
from django.utils.html import strip_tags

from articles.models import Article, Authorship
from articles.story_details import load_story_details, with_story_details
from films.models import Credit
from people.models import PersonLink
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
)

pytestmark = pytest.mark.django_db


def fields(instance):
    return {
        field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields
    }


def story_with_details():
    story = make_article(live=True)
    writer = make_person(name="Lena Sorokina", birth_date=date(1980, 5, 17))
    PersonLink.objects.create(person=writer, label="Bluesky", url="https://bsky.app/x", order=2)
    PersonLink.objects.create(person=writer, label="Site", url="https://lena.example", order=1)
    photographer = make_person(name="Jo Park")
    Authorship.objects.create(article=story, person=photographer, role="photographer", order=1)
    Authorship.objects.create(article=story, person=writer, order=0)
    story.people.add(
        make_person(name="Zoe Quill", portrait=make_image(title="Zoe")),
        make_person(name="Ana Ruiz"),
    )
    netflix = make_platform(name="Netflix")
    story.films.add(
        make_film(title="A film with no date", platform=netflix),
        make_film(
            title="B older film", release_date=date(2001, 1, 1), poster=make_image(title="Poster")
        ),
        make_film(title="C newest film", release_date=date(2024, 6, 1)),
    )
    return Article.objects.get(pk=story.pk)


def test_the_details_match_what_the_orm_reads(django_assert_num_queries):
    story = story_with_details()

    with django_assert_num_queries(1):
        loaded = load_story_details(with_story_details(Article.objects.all()).get(pk=story.pk))
        authorships = list(loaded.authorships.all())
        people = list(loaded.people.all())
        films = list(loaded.films.all())
        links = [list(authorship.person.links.all()) for authorship in authorships]
        portraits = [person.portrait for person in people]
        extras = [(film.platform, film.poster) for film in films]

    expected_authorships = list(story.authorships.select_related("person"))
    assert [fields(a) for a in authorships] == [fields(a) for a in expected_authorships]
    assert [fields(a.person) for a in authorships] == [
        fields(a.person) for a in expected_authorships
    ]
    assert [[fields(link) for link in person_links] for person_links in links] == [
        [fields(link) for link in a.person.links.all()] for a in expected_authorships
    ]
    expected_people = list(story.people.select_related("portrait"))
    assert [fields(p) for p in people] == [fields(p) for p in expected_people]
    assert [p and fields(p) for p in portraits] == [
        p.portrait and fields(p.portrait) for p in expected_people
    ]
    expected_films = list(story.films.select_related("platform", "poster"))
    assert [fields(f) for f in films] == [fields(f) for f in expected_films]
    assert [(pl and fields(pl), po and fields(po)) for pl, po in extras] == [
        (f.platform and fields(f.platform), f.poster and fields(f.poster)) for f in expected_films
    ]
    # The ORM's order, whichever database sorts undated films.
    assert [f.title for f in films] == [f.title for f in expected_films]


def test_a_story_without_details_has_empty_lists(django_assert_num_queries):
    story = make_article(live=True)
    with django_assert_num_queries(1):
        loaded = load_story_details(with_story_details(Article.objects.all()).get(pk=story.pk))
        assert list(loaded.authorships.all()) == []
        assert list(loaded.people.all()) == []
        assert list(loaded.films.all()) == []
        assert list(loaded.tags.all()) == []
    assert loaded.headline == story.headline


def test_films_carry_their_top_billed_actors_and_people_their_parts_in_the_storys_films(
    django_assert_num_queries,
):
    story = make_article(live=True)
    film, other_film = make_film(title="Alpha"), make_film(title="Beta")
    not_in_story = make_film()
    lead, second, third, fourth = (make_person(name=name) for name in "ABCD")
    director = make_person(name="Élodie Director")
    for order, actor in enumerate([fourth, third, second, lead], start=1):
        make_credit(film, actor, character_name=f"Part {actor.name}", billing_order=5 - order)
    make_credit(film, lead, character_name="Second part", billing_order=9)
    make_credit(film, director, role=Credit.Role.DIRECTOR)
    make_credit(not_in_story, lead, character_name="Elsewhere")
    make_credit(other_film, lead, character_name="Other")
    story.films.add(film, other_film)
    story.people.add(lead, director, make_person(name="Nobody"))

    with django_assert_num_queries(1):
        loaded = load_story_details(with_story_details(Article.objects.all()).get(pk=story.pk))
        films = {f.pk: f for f in loaded.films.all()}
        people = {p.name: p for p in loaded.people.all()}
        parts = {
            name: [(c.film.pk, c.role, c.character_name) for c in person.parts_in_story]
            for name, person in people.items()
        }

    assert [p.name for p in films[film.pk].top_billed] == ["A", "B", "C"]
    assert films[other_film.pk].top_billed == [lead]
    assert parts == {
        "A": [
            (film.pk, "actor", "Part A"),
            (film.pk, "actor", "Second part"),
            (other_film.pk, "actor", "Other"),
        ],
        "Élodie Director": [(film.pk, "director", "")],
        "Nobody": [],
    }


def test_in_this_story_shows_the_cast_the_part_played_and_the_year(client):
    film = make_film(
        title="Marlow Fen", release_date=date(2019, 5, 24), platform=make_platform(name="Netflix")
    )
    actor = make_person(name="Imani Castellane", description="actor")
    critic = make_person(name="Zoë Critic", description="film critic")
    make_credit(film, actor, character_name="Charlotte")
    make_credit(film, make_person(name="Bram Lowe"), character_name="Tom", billing_order=2)
    story = make_article(live=True)
    story.films.add(film)
    story.people.add(actor, critic)

    html = client.get(story.get_absolute_url()).content.decode()
    aside = html[html.index('<aside class="in-this-story"') :]
    text = " ".join(strip_tags(aside[: aside.index("</aside>")]).split())

    assert "Released on Netflix on May 24, 2019" in text
    assert "With Imani Castellane and Bram Lowe" in text
    assert f'<a href="{actor.get_absolute_url()}">Imani Castellane</a>' in aside
    assert "Imani Castellane as Charlotte" in text
    assert "Zoë Critic Film critic" in text
