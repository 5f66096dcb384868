"""The story form where a writer starts: the byline by the headline, prefilled with their own name."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import article_form_data, make_image, make_person, make_section

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")


def test_the_byline_comes_right_after_the_headline(editor_client):
    page = editor_client.get(ADD_URL).text
    assert page.index('name="headline"') < page.index('id="authorships-group"')
    assert page.index('id="authorships-group"') < page.index('name="standfirst"')


def test_a_new_story_byline_starts_with_the_writers_own_person(writer_client, writer):
    person = make_person(name="Amélie Écrivain", user=writer)

    page = writer_client.get(ADD_URL).text

    assert 'name="authorships-TOTAL_FORMS" value="1"' in page
    assert f'<option value="{person.pk}" selected>Amélie Écrivain</option>' in page


def test_the_prefilled_byline_is_saved_when_left_as_it_is(writer_client, writer):
    person = make_person(user=writer)
    data = article_form_data(make_section()) | {
        "authorships-TOTAL_FORMS": "1",
        "authorships-0-person": person.pk,
        "authorships-0-role": "author",
        "authorships-0-order": "0",
        "_save_draft": "1",
    }

    assert writer_client.post(ADD_URL, data).status_code == 302
    assert list(Article.objects.get().authors.all()) == [person]


def test_no_prefill_without_a_person_of_ones_own(editor_client):
    page = editor_client.get(ADD_URL).text
    assert 'name="authorships-TOTAL_FORMS" value="0"' in page


def test_date_only_fields_lose_the_time_zone_note(editor_client):
    page = editor_client.get(reverse("admin:films_film_add")).text
    assert "admin/desk/date-only-fields" in page


def test_the_hero_picker_asks_the_library_for_the_listed_images(editor_client):
    shown, other = make_image(title="東京 at night"), make_image()
    page = editor_client.get(ADD_URL).text
    assert "admin/desk/hero-picker.js" in page
    picker_url = reverse("admin:media_image_picker")
    assert f'data-picker-url="{picker_url}"' in page

    results = editor_client.get(picker_url, {"ids": f"{shown.pk},x"}).json()["results"]

    assert [item["id"] for item in results] == [shown.pk]
    assert results[0]["title"] == "東京 at night" and results[0]["thumbnail"]
    assert other.pk != shown.pk


def test_film_genres_and_platforms_offer_creating_from_the_autocomplete(writer_client):
    page = writer_client.get(reverse("admin:films_film_add")).text
    assert page.count("data-desk-create") == 2
    assert "admin/desk/create-in-autocomplete.js" in page
    # The "+" link it posts to is there for writers.
    assert 'id="add_id_genres"' in page and 'id="add_id_platform"' in page
