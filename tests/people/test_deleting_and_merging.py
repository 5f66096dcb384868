"""People and films in use cannot be deleted by accident; duplicates are merged; a
deleted person or film comes back with their "In this story" links."""

import pytest
import reversion
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import ProtectedError
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Authorship
from films.models import Credit, Film
from people.models import Person, PersonLink
from tests.factories import make_article, make_credit, make_film, make_person, shown_versions
from tests.pages import admin_form_data

pytestmark = pytest.mark.django_db

PEOPLE = reverse("admin:people_person_changelist")
FILMS = reverse("admin:films_film_changelist")


def delete_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


def bulk_delete(client, changelist, *objs):
    return client.post(
        changelist,
        {"action": "delete_selected", "post": "yes", ACTION_CHECKBOX_NAME: [o.pk for o in objs]},
    )


def merge(client, *people, kept=None):
    data = {
        "action": "merge",
        ACTION_CHECKBOX_NAME: [person.pk for person in people],
        **shown_versions(*people),
    }
    if kept is not None:
        data["kept"] = kept.pk
    return client.post(PEOPLE, data)


# Refusing to delete what stories use


def test_a_bylined_person_cannot_be_deleted_and_the_page_names_the_stories(editor_client, client):
    person = make_person(name="Beyoncé Knowles", slug="beyonce-knowles")
    story = make_article(live=True, headline="Amélie returns", authors=[person])

    page = editor_client.get(delete_url(person)).content.decode()
    assert "cannot be deleted" in page
    assert "Byline of" in page and "Amélie returns" in page and "(live)" in page
    assert "Merge into another person" in page

    editor_client.post(delete_url(person), {"post": "yes"})
    assert Person.objects.filter(pk=person.pk).exists()
    assert list(story.authors.all()) == [person]
    assert client.get(reverse("articles:author", args=[person.slug])).status_code == 200


def test_the_bulk_delete_action_refuses_people_in_use_and_says_why(editor_client):
    bylined, linked, credited, unused = (make_person() for _ in range(4))
    make_article(live=True, headline="東京 at night", authors=[bylined])
    make_article(headline="A draft").people.add(linked)
    make_credit(make_film(title="Amélie"), credited, role=Credit.Role.ACTOR)

    response = bulk_delete(editor_client, PEOPLE, bylined, linked, credited, unused)

    page = response.content.decode()
    assert "cannot be deleted while stories or films use them" in page
    assert "東京 at night" in page and "A draft" in page and "Credited (Actor) in" in page
    assert Person.objects.count() == 4


def test_a_person_used_by_nothing_can_still_be_deleted(editor_client):
    person = make_person()
    PersonLink.objects.create(person=person, label="Bluesky", url="https://bsky.app/x")
    response = bulk_delete(editor_client, PEOPLE, person)
    assert response.status_code == 302
    assert not Person.objects.exists()


def test_the_database_keeps_bylines_and_credits_whatever_deletes_the_person():
    bylined, credited = make_person(), make_person()
    make_article(live=True, authors=[bylined])
    make_credit(make_film(), credited)
    for person in (bylined, credited):
        with pytest.raises(ProtectedError):
            person.delete()
    assert Authorship.objects.count() == Credit.objects.count() == 1


def test_a_film_in_stories_cannot_be_deleted(editor_client):
    film = make_film(title="Amélie")
    make_article(live=True, headline="Why Amélie still charms").films.add(film)

    page = editor_client.get(delete_url(film)).content.decode()
    assert "Why Amélie still charms" in page and "cannot be deleted" in page

    bulk_delete(editor_client, FILMS, film)
    editor_client.post(delete_url(film), {"post": "yes"})
    assert Film.objects.filter(pk=film.pk).exists()


# Merging duplicates


def test_merging_moves_bylines_links_and_credits_to_the_person_kept(editor_client, client):
    kept = make_person(name="Beyoncé", slug="beyonce")
    duplicate = make_person(name="Beyonce Knowles", slug="beyonce-knowles", bio="Singer.")
    by_both = make_article(live=True, authors=[kept, duplicate])
    by_duplicate = make_article(live=True, authors=[duplicate])
    about = make_article(live=True)
    about.people.add(duplicate)
    film = make_film()
    make_credit(film, duplicate, role=Credit.Role.ACTOR, character_name="Nala")
    make_credit(film, kept, role=Credit.Role.ACTOR, character_name="Nala")

    choice = merge(editor_client, kept, duplicate)
    assert choice.status_code == 200
    assert "Byline of" in choice.content.decode()
    assert Person.objects.count() == 2  # Nothing happens before the choice.

    response = merge(editor_client, kept, duplicate, kept=kept)

    assert response.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert list(by_both.authors.all()) == [kept]
    assert list(by_duplicate.authors.all()) == [kept]
    assert list(about.people.all()) == [kept]
    assert list(kept.credits.values_list("character_name", flat=True)) == ["Nala"]
    kept.refresh_from_db()
    assert kept.bio == "Singer."
    assert about.__class__.objects.get(pk=about.pk).search_terms == "Beyoncé"

    old_page = client.get("/people/beyonce-knowles/")
    assert old_page.status_code == 301
    assert old_page["Location"] == "/people/beyonce/"
    old_author_page = client.get(reverse("articles:author", args=["beyonce-knowles"]))
    assert old_author_page.status_code == 301
    assert old_author_page["Location"] == reverse("articles:author", args=["beyonce"])
    assert client.get("/people/beyonce/").status_code == 200


def test_merging_needs_two_people_and_the_delete_permission(editor_client, writer_client):
    first, second = make_person(), make_person()
    make_article(authors=[second])

    merge(editor_client, first)
    merge(writer_client, first, second, kept=first)

    assert Person.objects.count() == 2


def test_an_unknown_former_address_is_still_a_404(client):
    assert client.get("/people/nobody-at-all/").status_code == 404


# Recovering


def test_recovering_a_deleted_person_restores_their_story_links(editor_client, client):
    person = make_person(name="Amélie Poulain", slug="amelie-poulain")
    with reversion.create_revision():
        person.save()
    story = make_article(live=True, headline="Amélie in Montmartre")
    story.people.add(person)
    person.delete()  # Only story links: the shell may do it, the admin asks first.
    assert list(story.people.all()) == []

    version = Version.objects.get_deleted(Person).get()
    url = reverse("admin:people_person_recover", args=[version.pk])
    response = editor_client.post(url, admin_form_data(editor_client.get(url)))

    assert response.status_code == 302
    person = Person.objects.get(slug="amelie-poulain")
    assert list(story.people.all()) == [person]
    assert Article.objects.get(pk=story.pk).search_terms == "Amélie Poulain"
    assert "/people/amelie-poulain/" in client.get(story.get_absolute_url()).content.decode()


def test_recovering_a_deleted_film_restores_its_story_links(editor_client):
    film = make_film(title="東京物語", slug="tokyo-story")
    story = make_article(live=True)
    story.films.add(film)
    film.delete()

    version = Version.objects.get_deleted(Film).get()
    url = reverse("admin:films_film_recover", args=[version.pk])
    response = editor_client.post(url, admin_form_data(editor_client.get(url)))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(story.films.all()) == [Film.objects.get(slug="tokyo-story")]


def test_recovering_skips_links_to_stories_deleted_since(editor_client):
    film = make_film(slug="tokyo-story")
    kept, gone = make_article(live=True), make_article(live=True)
    kept.films.add(film)
    gone.films.add(film)
    film.delete()
    gone.delete()

    version = Version.objects.get_deleted(Film).get()
    url = reverse("admin:films_film_recover", args=[version.pk])
    response = editor_client.post(url, admin_form_data(editor_client.get(url)))

    assert response.status_code == 302
    film = Film.objects.get(slug="tokyo-story")
    assert list(film.articles.all()) == [kept]
    assert Article.films.through.objects.count() == 1
