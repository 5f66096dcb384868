"""Reviews: a story format with a rating in half stars and the film it reviews; the
form and the publishing check that keep them right; the stars readers see on the
review and its cards."""

import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import cards
from articles.models import Article, Authorship
from films.models import Credit, Film
from tests.factories import (
    article_form_data,
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_review,
    make_section,
    shown_versions,
    started_from,
    uploaded_image,
)
from tests.metro import test_html_validity as html_validity
from tests.pages import page_text

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def shown_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def review_form(film=None, *, rating="", **overrides):
    """The story form as an editor posts a review: byline, no picture, the film and stars."""
    critic = make_person(name="Zoë Ørsted")
    data = article_form_data(make_section(), headline="Amélie review", slug="amelie-review")
    return (
        data
        | {
            "format": "review",
            "reviewed_film": film.pk if film else "",
            "rating": rating,
            "no_hero_image": "on",
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-person": critic.pk,
            "authorships-0-role": "author",
            "authorships-0-order": "0",
        }
        | overrides
    )


def queries(client, path):
    """The SQL a request runs with an empty cache."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured.captured_queries)


# The model and its constraints


@pytest.mark.parametrize("rating", [11, 20])
def test_the_database_refuses_a_rating_above_five_stars(rating):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_review(make_film(), rating=rating)


def test_the_database_refuses_a_negative_rating():
    review = make_review(make_film())
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=review.pk).update(rating=-1)


@pytest.mark.parametrize(
    "fields", [{"rating": 8}, {"reviewed_film": "film"}, {"rating": 0, "reviewed_film": "film"}]
)
def test_the_database_keeps_ratings_and_reviewed_films_to_reviews(fields):
    film = make_film()
    fields = {name: film if value == "film" else value for name, value in fields.items()}
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(format=Article.Format.FEATURE, **fields)


def test_the_database_refuses_an_unknown_format():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(format="gossip")


def test_every_half_star_from_nought_to_five_is_a_rating():
    film = make_film()
    for half_stars in [None, *range(11)]:
        review = make_review(film, rating=half_stars)
        review.full_clean()
        assert Article.objects.get(pk=review.pk).rating == half_stars


def test_full_clean_says_what_is_wrong_with_a_rating():
    story = make_article(format=Article.Format.NEWS)
    story.rating = 8
    with pytest.raises(ValidationError, match="Only a review has a rating"):
        story.full_clean()
    story.format = Article.Format.REVIEW
    story.rating = 11
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "rating" in refused.value.message_dict


def test_a_story_is_news_unless_the_desk_says_otherwise():
    story = make_article()
    assert story.format == Article.Format.NEWS and not story.is_review
    assert story.rating is None and story.reviewed_film is None


# The story form


def test_the_form_has_a_review_fieldset_with_the_rating_as_a_named_radio_group(editor_client):
    page = editor_client.get(ADD_URL).content.decode()

    assert '<fieldset class="module aligned story-review"' in page
    assert '<select name="format"' in page
    assert "admin/metro/story-format.js" in page and "admin/metro/star-rating.css" in page
    # A radio group in a fieldset whose legend names it; each button named in words.
    group = page[page.index('id="id_rating"') :]
    group = group[: group.index("</fieldset>")]
    assert page.count("<legend") >= 1 and "Rating:</legend>" in page
    labels = re.findall(r'<label for="id_rating_\d+">(.*?)</label>', group, re.DOTALL)
    words = [re.sub(r"<svg.*?</svg>|<[^>]+>", "", label).strip() for label in labels]
    assert words[0] == "No rating"
    assert words[1:] == [
        "0 out of 5",
        "½ out of 5",
        "1 out of 5",
        "1½ out of 5",
        "2 out of 5",
        "2½ out of 5",
        "3 out of 5",
        "3½ out of 5",
        "4 out of 5",
        "4½ out of 5",
        "5 out of 5",
    ]
    # Each label shows its stars, hidden from screen readers.
    assert all('aria-hidden="true"' in label for label in labels[1:])
    assert 'id="id_rating_0" checked' in group  # a new story has no rating


def test_an_editor_saves_a_review_with_its_film_and_rating(editor_client):
    film = make_film(title="東京物語")
    response = editor_client.post(ADD_URL, review_form(film, rating="9", _save_draft="1"))

    assert response.status_code == 302
    review = Article.objects.get()
    assert (review.format, review.rating, review.reviewed_film) == ("review", 9, film)
    # The film reviewed is one the story is about, for its "In this story" card.
    assert list(review.films.all()) == [film]


@pytest.mark.parametrize(
    ("posted", "field", "message"),
    [
        ({"rating": "8"}, "rating", "Only a review has a rating"),
        ({"reviewed_film": "film"}, "reviewed_film", "Only a review names the film it reviews"),
    ],
)
def test_a_rating_or_reviewed_film_on_another_format_is_refused(
    editor_client, posted, field, message
):
    film = make_film()
    posted = {name: film.pk if value == "film" else value for name, value in posted.items()}
    data = review_form(format="news", _save_draft="1") | posted

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert not Article.objects.exists()
    assert message in " ".join(response.context["adminform"].form.errors[field])


def test_a_rating_outside_the_choices_is_refused(editor_client):
    response = editor_client.post(ADD_URL, review_form(make_film(), rating="11", _save_draft="1"))
    assert response.status_code == 200
    assert "rating" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_the_story_list_filters_by_format(editor_client):
    review = make_review(make_film(), headline="Amélie review")
    make_article(headline="Box office news")

    page = editor_client.get(CHANGELIST_URL, {"format__exact": "review"}).content.decode()

    assert "Amélie review" in page and "Box office news" not in page
    assert "By format" in editor_client.get(CHANGELIST_URL).content.decode()
    assert review.is_review


def test_a_stale_save_of_a_review_is_refused_and_shows_the_ratings_in_words(editor_client):
    film = make_film()
    review = make_review(film, rating=8, live=False)
    opened = started_from(review)
    theirs = article_form_data(review.section, slug=review.slug, headline=review.headline)
    theirs |= {"format": "review", "reviewed_film": film.pk, "rating": "6", **opened}
    assert editor_client.post(change_url(review), theirs).status_code == 302

    mine = theirs | {"rating": "9"}
    response = editor_client.post(change_url(review), mine)

    assert response.status_code == 409
    row = next(row for row in response.context["rows"] if row["name"] == "rating")
    assert (row["theirs"], row["mine"], row["differs"]) == ("3 out of 5", "4½ out of 5", True)
    review.refresh_from_db()
    assert (review.rating, review.version) == (6, 2)


# Publishing


def test_a_review_is_published_only_with_the_film_it_reviews(editor_client):
    response = editor_client.post(ADD_URL, review_form(None, rating="8", _publish="1"))

    assert response.status_code == 200
    assert not Article.objects.exists()
    assert "To publish, add: the film or series it reviews." in shown_messages(response)

    film = make_film(title="Amélie")
    response = editor_client.post(ADD_URL, review_form(film, rating="8", _publish="1"))
    assert response.status_code == 302
    assert Article.objects.get().is_live


def test_a_review_may_be_published_without_stars(editor_client):
    response = editor_client.post(ADD_URL, review_form(make_film(), _publish="1"))
    assert response.status_code == 302
    review = Article.objects.get()
    assert review.is_live and review.rating is None


def test_the_publish_action_refuses_a_review_without_its_film(editor_client):
    draft = make_article(format=Article.Format.REVIEW, no_hero_image=True, authors=[make_person()])
    response = editor_client.post(
        CHANGELIST_URL,
        {"action": "publish", "_selected_action": [draft.pk], **shown_versions(draft)},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert any("the film or series it reviews" in message for message in shown_messages(response))


def test_a_film_a_story_reviews_cannot_be_deleted_and_the_review_is_named(editor_client):
    film = make_film(title="Amélie")
    make_review(film, headline="Amélie review: still charming", live=False)

    page = editor_client.get(reverse("admin:films_film_delete", args=[film.pk])).content.decode()
    assert "Reviewed in" in page and "Amélie review: still charming" in page
    editor_client.post(reverse("admin:films_film_delete", args=[film.pk]), {"post": "yes"})
    assert Film.objects.filter(pk=film.pk).exists()


def test_what_a_published_review_shows_of_its_film_is_the_editors_to_change():
    film = make_film()
    poster = make_image()
    film.poster = poster
    film.save()
    review = make_review(film)

    assert list(Article.objects.published().showing(film)) == [review]
    assert list(Article.objects.published().showing(poster)) == [review]


# What readers see


def test_the_review_page_shows_the_stars_by_the_headline_and_names_the_film(client):
    film = make_film(title="Amélie", release_date=timezone.localdate() - timedelta(days=900))
    review = make_review(film, rating=7, headline="Amélie review: the charm holds")

    response = client.get(review.get_absolute_url())
    html, text = response.content.decode(), page_text(response)

    start = html.index('<header class="story__header">')
    header = html[start : html.index("</header>", start)]
    assert header.index("story__headline") < header.index("story__verdict")
    assert header.index("story__verdict") < header.index("story__standfirst")
    assert '<span class="visually-hidden">3.5 out of 5 stars</span>' in header
    assert f'Film review: <a href="{film.get_absolute_url()}">Amélie</a>' in header
    assert f"3.5 out of 5 stars Film review: Amélie ({film.release_date.year})" in text


def test_a_series_review_without_stars_names_the_series_only(client):
    series = make_film(title="東京物語", kind=Film.Kind.SERIES)
    review = make_review(series, rating=None)

    html = client.get(review.get_absolute_url()).content.decode()

    assert "Series review: <a" in html and "東京物語" in html
    assert "stars__picture" not in html and "out of 5 stars" not in html


def test_other_stories_show_no_verdict(client):
    story = make_article(live=True, format=Article.Format.INTERVIEW)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "story__verdict" not in html and "stars" not in html


def test_a_review_card_shows_its_stars_and_other_cards_stay_as_they_were():
    film = make_film()
    review = make_review(film, rating=10)
    news = make_article(live=True)

    review_card = cards.article_card(Article.objects.for_cards().get(pk=review.pk))
    news_card = cards.article_card(Article.objects.for_cards().get(pk=news.pk))

    assert '<p class="card__rating"><span class="stars">' in review_card
    assert '<span class="visually-hidden">5 out of 5 stars</span>' in review_card
    assert review_card.index("card__headline") < review_card.index("card__rating")
    assert "rating" not in news_card and "stars" not in news_card


def test_search_results_show_a_reviews_stars(client):
    make_review(make_film(title="Amélie"), rating=3, headline="Amélie review")
    html = client.get(reverse("articles:search"), {"q": "Amélie"}).content.decode()
    assert '<p class="search-result__rating">' in html
    assert "1.5 out of 5 stars" in html


def test_review_cards_cost_no_query_however_many_there_are(client):
    """The rating is on the story's row: a page of rated reviews costs what one costs."""
    section = make_section()
    make_review(make_film(), section=section)
    path = section.get_absolute_url()
    queries(client, path)  # once per process: content types and the like

    few = queries(client, path)
    for number in range(24):
        make_review(make_film(), rating=number % 11, section=section, critics=[make_person()])
    many = queries(client, path)

    assert many == few
    page = client.get(path).content.decode()
    assert page.count('class="card__rating"') == 20
    home = queries(client, "/")
    make_review(make_film(), section=section)
    assert queries(client, "/") == home


def test_a_review_page_costs_the_queries_of_any_story_page(client):
    """Its film, poster and the film's directors come with the story's own query."""
    film = make_film(poster=make_image(file=uploaded_image(size=(400, 600))))
    review = make_review(film)
    news = make_article(live=True, section=review.section, no_hero_image=True)
    news.authorships.create(person=make_person(), order=0)
    queries(client, review.get_absolute_url())

    story_page = queries(client, news.get_absolute_url())
    review_page = queries(client, review.get_absolute_url())
    for number in range(5):
        make_credit(film, make_person(), role=Credit.Role.DIRECTOR, billing_order=number)
    more_directors = queries(client, review.get_absolute_url())

    assert review_page == story_page == more_directors


def test_a_critics_and_photographers_byline_names_only_the_critics():
    critic, photographer = make_person(name="Zoë Ørsted"), make_person(name="Snap Happy")
    review = make_review(make_film(), critics=[critic])
    Authorship.objects.create(
        article=review, person=photographer, role=Authorship.Role.PHOTOGRAPHER, order=1
    )

    linked = Article.objects.for_review_links().get(pk=review.pk)

    assert [name.name for name in linked.critics] == ["Zoë Ørsted"]
    assert [name.name for name in Article.objects.get(pk=review.pk).critics] == ["Zoë Ørsted"]


@pytest.mark.skipif(
    html_validity.JAVA is None or not html_validity.VNU_JAR.exists(),
    reason="HTML validation needs Java and vnu.jar (see tests/metro/test_html_validity.py)",
)
def test_review_pages_cards_and_film_pages_are_valid_html(client, tmp_path):
    film = make_film(title="Amélie", poster=make_image(file=uploaded_image(size=(400, 600))))
    series = make_film(title="東京物語", kind=Film.Kind.SERIES)
    section = make_section()
    rated = make_review(film, rating=7, section=section, headline="Amélie review")
    unrated = make_review(series, rating=None, section=section, headline="東京物語 review")
    make_review(film, rating=0, section=section, headline="Amélie, a dissent")
    urls = {
        "rated-review": rated.get_absolute_url(),
        "unrated-review": unrated.get_absolute_url(),
        "film": film.get_absolute_url(),
        "series": series.get_absolute_url(),
        "section": section.get_absolute_url(),
        "search": reverse("articles:search") + "?q=review",
    }
    pages = {name: client.get(url).content.decode() for name, url in urls.items()}
    assert all("out of 5 stars" in pages[name] for name in ("rated-review", "film", "section"))

    errors = html_validity.validate(pages, tmp_path)

    assert not errors, "\n".join(errors)
