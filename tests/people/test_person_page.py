"""A person's page: profile, filmography from credits, and live stories about and by them."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article
from films.models import Credit
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
)
from tests.pages import page_text, read_head

pytestmark = pytest.mark.django_db


def section_of(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_the_profile_shows_portrait_name_description_and_bio(client):
    person = make_person(
        name="Odile Brannagh",
        description="actor",
        bio="Born by the sea.\n\nNow on screen.",
        portrait=make_image(alt_text="Odile Brannagh at the premiere"),
    )

    response = client.get(person.get_absolute_url())
    html = response.content.decode()

    assert html.count("<h1") == 1
    assert '<h1 class="profile-head__title">Odile Brannagh</h1>' in html
    assert 'alt="Odile Brannagh at the premiere"' in html
    assert "<p>Born by the sea.</p>" in html and "<p>Now on screen.</p>" in html
    assert "Actor" in page_text(response)


def test_the_filmography_lists_films_newest_first_with_year_role_and_character(client):
    person = make_person(name="Odile Brannagh")
    netflix = make_platform(name="Netflix")
    older = make_film(title="Harbour Lights", release_date=date(2019, 3, 1))
    newer = make_film(title="The Salt Ledger", release_date=date(2024, 5, 24), platform=netflix)
    make_credit(older, person, role=Credit.Role.DIRECTOR)
    make_credit(newer, person, role=Credit.Role.ACTOR, character_name="Charlotte")
    make_credit(newer, person, role=Credit.Role.WRITER, billing_order=5)

    response = client.get(person.get_absolute_url())
    filmography = " ".join(
        strip_tags(section_of(response.content.decode(), "filmography-heading")).split()
    )

    assert filmography.index("2024 The Salt Ledger") < filmography.index("2019 Harbour Lights")
    # Two credits on one film make one row.
    assert filmography.count("The Salt Ledger") == 1
    assert "The Salt Ledger Film · Netflix as Charlotte · Writer" in filmography
    assert "Harbour Lights Film Director" in filmography
    assert f'href="{newer.get_absolute_url()}"' in response.content.decode()


def test_a_person_without_credits_has_no_filmography(client):
    person = make_person()
    assert "Filmography" not in page_text(client.get(person.get_absolute_url()))


def test_only_live_stories_about_the_person_appear(client):
    person = make_person(name="Odile Brannagh")
    live = make_article(live=True, headline="Odile Brannagh on her big year")
    draft = make_article(status=Article.Status.DRAFT, headline="Draft about Odile")
    review = make_article(status=Article.Status.REVIEW, headline="Odile story in review")
    scheduled = make_article(
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(hours=2),
        headline="Odile story for tomorrow",
    )
    for story in (live, draft, review, scheduled):
        story.people.add(person)

    text = page_text(client.get(person.get_absolute_url()))

    assert "Stories about Odile Brannagh" in text
    assert live.headline in text
    for story in (draft, review, scheduled):
        assert story.headline not in text


def test_stories_by_a_writer_are_live_only_and_link_to_the_author_page(client):
    critic = make_person(name="Lena Sorokina", description="film critic")
    review = make_article(live=True, authors=[critic], headline="A four-star thriller")
    draft = make_article(authors=[critic], headline="Unfinished review")
    scheduled = make_article(
        authors=[critic],
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(days=1),
        headline="Tomorrow's review",
    )

    response = client.get(critic.get_absolute_url())
    text = page_text(response)

    assert "Stories by Lena Sorokina" in text
    assert review.headline in text
    assert draft.headline not in text and scheduled.headline not in text
    author_url = reverse("articles:author", kwargs={"slug": critic.slug})
    assert f'href="{author_url}">All stories by Lena Sorokina</a>' in response.content.decode()


def test_a_person_with_no_live_bylines_has_no_stories_by_block(client):
    person = make_person(name="Odile Brannagh")
    make_article(authors=[person], headline="A draft with her byline")
    story = make_article(live=True, headline="About her, not by her")
    story.people.add(person)

    response = client.get(person.get_absolute_url())

    assert "Stories by" not in page_text(response)
    assert reverse("articles:author", kwargs={"slug": person.slug}) not in response.content.decode()


def test_the_profile_offers_the_persons_feed_to_follow(client):
    person = make_person(name="Émilie Tōkyō-東京")
    response = client.get(person.get_absolute_url())
    html = response.content.decode()
    rss = reverse("articles:person_feed", kwargs={"slug": person.slug, "kind": "rss"})
    atom = reverse("articles:person_feed", kwargs={"slug": person.slug, "kind": "atom"})
    alternates = [
        (link["type"], link["href"], link["title"])
        for link in read_head(response).links
        if link.get("rel") == "alternate"
    ]
    assert alternates == [
        ("application/rss+xml", rss, "Metro: Émilie Tōkyō-東京 (RSS)"),
        ("application/atom+xml", atom, "Metro: Émilie Tōkyō-東京 (Atom)"),
    ]
    assert f'<a class="follow__link" href="{rss}" type="application/rss+xml">' in html
    assert "Follow Émilie Tōkyō-東京" in page_text(response)
    assert f'href="{atom}"' in html
    assert client.get(rss).status_code == 200


def test_the_profile_shows_the_persons_links_elsewhere(client):
    person = make_person(website="https://odile.example/")
    person.links.create(label="Instagram", url="https://instagram.example/odile")
    person.links.create(label="Bad", url="javascript:alert(1)")
    html = client.get(person.get_absolute_url()).content.decode()
    assert '<a href="https://odile.example/" rel="me noopener">Website</a>' in html
    assert '<a href="https://instagram.example/odile" rel="me noopener">Instagram</a>' in html
    assert "javascript:" not in html


def test_an_unknown_person_is_a_404(client):
    assert client.get(reverse("people:detail", kwargs={"slug": "nobody"})).status_code == 404


@pytest.mark.parametrize("count", [2, 25])
def test_the_person_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    """Guards against N+1 queries from the filmography (film, platform), the story
    cards (section, picture, bylines) or the writer's own stories, whatever their number.
    Budget: person, their links (sameAs in structured data), sections for the
    navigation, credits, stories about (+ bylines), stories by (+ bylines)."""
    picture = make_image()
    person = make_person(portrait=picture, description="actor and critic")
    section = make_section()
    for number in range(count):
        film = make_film(
            release_date=date(2000 + number, 1, 1), platform=make_platform(), poster=picture
        )
        make_credit(film, person, character_name=f"Part {number}")
        about = make_article(
            live=True, section=section, hero_image=picture, authors=[make_person()]
        )
        about.people.add(person)
        make_article(
            live=True, section=section, hero_image=picture, authors=[person, make_person()]
        )

    # One more than the page itself needs: the footer lists the sister sites.
    with django_assert_max_num_queries(9):
        response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count("Part ") == count
