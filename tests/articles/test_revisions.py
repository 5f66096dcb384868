"""Every admin save keeps a version that editors can list, compare and restore."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from films.models import Film
from people.models import Person
from tests.factories import article_form_data, make_film, make_person, make_section

pytestmark = pytest.mark.django_db


def save_article(client, article_pk, section, headline):
    data = article_form_data(section, headline=headline, status="draft")
    if article_pk is None:
        response = client.post(reverse("admin:articles_article_add"), data)
    else:
        response = client.post(reverse("admin:articles_article_change", args=[article_pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug=data["slug"])


def test_edit_twice_then_restore_the_first_version(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "First headline")
    save_article(editor_client, article.pk, section, "Second headline")

    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200

    first = versions.last()
    compare = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": first.pk, "version_id2": versions.first().pk},
    )
    assert compare.status_code == 200
    assert "First headline" in compare.content.decode()
    assert "Second headline" in compare.content.decode()

    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    form_page = editor_client.get(revision_url)
    assert form_page.status_code == 200
    restored = editor_client.post(
        revision_url, article_form_data(section, headline="First headline")
    )
    assert restored.status_code == 302
    article.refresh_from_db()
    assert article.headline == "First headline"
    assert Version.objects.get_for_object(article).count() == 3


def test_a_deleted_article_can_be_recovered(editor_client):
    section = make_section()
    article = save_article(editor_client, None, section, "Gone tomorrow")
    delete_url = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Article.objects.exists()

    version = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    assert editor_client.get(reverse("admin:articles_article_recoverlist")).status_code == 200
    editor_client.post(recover_url, article_form_data(section, headline="Gone tomorrow"))
    assert Article.objects.get().headline == "Gone tomorrow"


def test_people_and_films_keep_versions(editor_client):
    person = make_person(name="Ana Reyes")
    film = make_film(title="Night Train")
    person_data = {
        "name": "Ana María Reyes",
        "slug": person.slug,
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
    }
    response = editor_client.post(
        reverse("admin:people_person_change", args=[person.pk]), person_data
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    film_data = {
        "title": "Night Train",
        "slug": film.slug,
        "kind": "film",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
    }
    response = editor_client.post(reverse("admin:films_film_change", args=[film.pk]), film_data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Version.objects.get_for_model(Person).count() == 1
    assert Version.objects.get_for_model(Film).count() == 1
