"""The reader pages for stories: front page, section fronts, story pages, tags and authors."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, Authorship
from articles.story_details import load_story_details, with_story_details
from tests.factories import (
    make_article,
    make_film,
    make_image,
    make_person,
    make_platform,
    make_section,
    uploaded_image,
)

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


# The front page


def test_the_front_page_leads_with_the_newest_featured_story(client):
    section = make_section(name="Film")
    make_article(
        live=True, featured=True, section=section, publish_at=days_ago(3), headline="Older featured"
    )
    lead = make_article(
        live=True, featured=True, section=section, publish_at=days_ago(1), headline="The lead story"
    )
    latest = make_article(
        live=True, section=section, publish_at=days_ago(2), headline="Plain latest"
    )

    html = html_of(client.get("/"))

    top = html.split('class="front-top"')[1].split("</section>")[0]
    assert 'class="card card--lead"' in top
    assert top.index("The lead story") < top.index("Older featured")
    assert lead.headline in top
    latest_block = html.split('id="latest-heading"')[1].split("</section>")[0]
    assert latest.headline in latest_block
    assert lead.headline not in latest_block


def test_the_front_page_has_a_rail_per_section_with_its_newest_stories(client):
    film, tv = make_section(name="Film", order=1), make_section(name="TV", order=2)
    film_stories = [
        make_article(live=True, section=film, publish_at=days_ago(n)) for n in range(1, 7)
    ]
    tv_story = make_article(live=True, section=tv, headline="Only TV story")

    html = html_of(client.get("/"))

    film_rail = html.split(f'id="rail-{film.slug}"')[1].split("</section>")[0]
    assert [story.headline in film_rail for story in film_stories] == [True] * 4 + [False] * 2
    assert tv_story.headline in html.split(f'id="rail-{tv.slug}"')[1].split("</section>")[0]
    assert html.index(f'id="rail-{film.slug}"') < html.index(f'id="rail-{tv.slug}"')


def test_the_front_page_shows_nothing_unpublished(client):
    make_article(live=True, headline="Public story", featured=True)
    make_article(headline="Draft story", featured=True)
    make_article(status="review", headline="Story in review")
    make_article(
        status="published",
        publish_at=timezone.now() + timedelta(hours=1),
        headline="Scheduled story",
        featured=True,
    )

    html = html_of(client.get("/"))

    assert "Public story" in html
    for hidden in ["Draft story", "Story in review", "Scheduled story"]:
        assert hidden not in html


def test_a_scheduled_story_reaches_the_front_page_when_its_time_comes(client):
    when = timezone.now() + timedelta(hours=3)
    make_article(status="published", publish_at=when, headline="Embargoed review")
    assert "Embargoed review" not in html_of(client.get("/"))
    with time_machine.travel(when + timedelta(minutes=1)):
        assert "Embargoed review" in html_of(client.get("/"))


def many_stories(count, **fields):
    writers = [make_person(), make_person()]
    section = fields.pop("section", None) or make_section()
    stories = []
    for n in range(count):
        story = make_article(
            live=True,
            section=section,
            publish_at=days_ago(n + 1),
            hero_image=make_image(file=uploaded_image(size=(800, 450))),
            authors=writers,
            **fields,
        )
        story.tags.add("alpha", "beta", f"tag-{n}")
        stories.append(story)
    return stories


# The number of queries a page runs: fixed, whatever the number of stories,
# authors, tags and images on it (counted on the busiest page, pinned tight).
FRONT_PAGE_QUERIES = 7
SECTION_QUERIES = 4
STORY_QUERIES = 8


@pytest.mark.parametrize("count", [2, 24])
def test_the_front_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    for section in [make_section(), make_section(), make_section()]:
        many_stories(count, section=section, featured=True)
    with django_assert_max_num_queries(FRONT_PAGE_QUERIES):
        html_of(client.get("/"))


# Section fronts


def test_a_section_front_lists_its_live_stories_newest_first(client):
    section = make_section(name="Reviews", description="What our critics think.")
    other = make_section()
    newer = make_article(
        live=True, section=section, publish_at=days_ago(1), headline="Newer review"
    )
    older = make_article(
        live=True, section=section, publish_at=days_ago(5), headline="Older review"
    )
    make_article(live=True, section=other, headline="Elsewhere")
    make_article(section=section, headline="Draft review")

    html = html_of(client.get(section.get_absolute_url()))

    assert "<h1>Reviews</h1>" in html
    assert "What our critics think." in html
    assert html.index(newer.headline) < html.index(older.headline)
    assert "Elsewhere" not in html and "Draft review" not in html


def test_section_fronts_are_paginated_and_bad_pages_never_fail(client):
    section = make_section()
    for n in range(25):
        make_article(
            live=True, section=section, publish_at=days_ago(n + 1), headline=f"Story number {n:02d}"
        )
    url = section.get_absolute_url()

    first = html_of(client.get(url))
    second = html_of(client.get(url, {"page": 2}))
    assert "Story number 00" in first and "Story number 20" not in first
    assert "Story number 20" in second and 'rel="prev"' in second
    assert "Page 2" in second and 'rel="next"' not in second
    assert client.get(url, {"page": "last"}).status_code == 200
    for bad in ["0", "3", "-1", "abc", "1e9", "99999999999999999999", "%00", "2.5"]:
        assert client.get(url, {"page": bad}).status_code == 404, bad


def test_a_later_page_holds_exactly_its_own_stories_newest_first(client):
    section = make_section()
    for n in range(45):
        make_article(
            live=True, section=section, publish_at=days_ago(n + 1), headline=f"Story number {n:02d}"
        )
    make_article(section=section, publish_at=days_ago(25), headline="A draft among them")

    second = html_of(client.get(section.get_absolute_url(), {"page": 2}))

    shown = list(dict.fromkeys(re.findall(r"Story number (\d\d)", second)))
    assert shown == [f"{n:02d}" for n in range(20, 40)]
    assert "A draft among them" not in second
    assert 'rel="prev"' in second and 'rel="next"' in second


def test_an_unknown_section_is_404(client):
    assert client.get("/no-such-section/").status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_a_section_front_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    section = make_section()
    many_stories(count, section=section)
    with django_assert_max_num_queries(SECTION_QUERIES):
        html_of(client.get(section.get_absolute_url()))


# The story page


def story_with_everything():
    platform = make_platform(name="Netflix")
    film = make_film(
        title="The Salt Ledger",
        platform=platform,
        release_date=timezone.localdate() - timedelta(days=3),
    )
    actor = make_person(name="Odile Brannagh", description="actor")
    writer = make_person(name="Lena Sorokina")
    photographer = make_person(name="Jo Park")
    hero = make_image(
        caption="On the harbour set.",
        credit="PHOTO: Netflix",
        file=uploaded_image(size=(1600, 900)),
    )
    story = make_article(
        live=True,
        headline="Odile Brannagh gives us the scoop",
        standfirst="The star on learning to read a balance sheet.",
        body='<h2>Following the money</h2><p>She had never balanced a chequebook.</p><blockquote class="pull-quote"><p>Nell cannot stand numbers that do not add up.</p></blockquote>',
        hero_image=hero,
    )
    Authorship.objects.create(article=story, person=writer, order=0)
    Authorship.objects.create(article=story, person=photographer, role="photographer", order=1)
    story.people.add(actor)
    story.films.add(film)
    story.tags.add("Thrillers", "Streaming")
    return story


def test_the_story_page_shows_the_whole_story(client):
    story = story_with_everything()

    html = html_of(client.get(story.get_absolute_url()))

    assert '<h1 class="story__headline">Odile Brannagh gives us the scoop</h1>' in html
    assert "The star on learning to read a balance sheet." in html
    assert 'By <a href="/authors/' in html and "Lena Sorokina</a> and" in html
    assert 'Jo Park</a> <span class="byline__role">(photographer)</span>' in html
    assert (
        f'<time datetime="{timezone.localtime(story.publish_at).replace(microsecond=0).isoformat()}'
        in html
    )
    assert "On the harbour set." in html and '<span class="credit">PHOTO: Netflix</span>' in html
    assert 'fetchpriority="high"' in html
    assert "<h2>Following the money</h2>" in html
    assert '<blockquote class="pull-quote">' in html
    assert 'href="/tags/thrillers/"' in html
    assert "Share on Bluesky" in html and "mailto:?" in html
    assert "The Salt Ledger" in html and "Odile Brannagh" in html
    assert html.count("<h1") == 1


def test_the_story_page_says_when_it_was_updated(client):
    story = make_article(live=True, publish_at=days_ago(2))
    assert "Updated" not in html_of(client.get(story.get_absolute_url()))
    story.featured = True
    story.save()
    assert "Updated" not in html_of(client.get(story.get_absolute_url()))
    story.headline = "A corrected headline"
    story.save()
    assert "Updated <time" in html_of(client.get(story.get_absolute_url()))


def test_related_stories_share_people_films_or_tags_and_are_live(client):
    story = story_with_everything()
    person, film = story.people.get(), story.films.get()
    by_person = make_article(live=True, publish_at=days_ago(3), headline="Shares the actor")
    by_person.people.add(person)
    by_film = make_article(live=True, publish_at=days_ago(2), headline="Shares the film")
    by_film.films.add(film)
    by_tag = make_article(live=True, publish_at=days_ago(1), headline="Shares a tag")
    by_tag.tags.add("Thrillers")
    unrelated = make_article(live=True, headline="Unrelated story")
    draft = make_article(headline="Related draft")
    draft.people.add(person)
    scheduled = make_article(
        status="published",
        publish_at=timezone.now() + timedelta(days=1),
        headline="Related but scheduled",
    )
    scheduled.films.add(film)

    html = html_of(client.get(story.get_absolute_url()))
    related = html.split('id="related-heading"')[1].split("</section>")[0]

    assert (
        related.index("Shares a tag")
        < related.index("Shares the film")
        < related.index("Shares the actor")
    )
    for absent in [unrelated.headline, draft.headline, scheduled.headline, story.headline]:
        assert absent not in related


def test_related_stories_are_the_newest_four_each_shown_once(client):
    story = story_with_everything()
    person, film = story.people.get(), story.films.get()
    sharing_everything = make_article(live=True, publish_at=days_ago(1), headline="Shares all")
    sharing_everything.people.add(person)
    sharing_everything.films.add(film)
    sharing_everything.tags.add("Thrillers")
    for day in range(2, 8):
        older = make_article(live=True, publish_at=days_ago(day), headline=f"Older {day}")
        older.tags.add("Thrillers")

    related = list(Article.objects.for_cards().related_to(story))

    assert [article.headline for article in related] == [
        "Shares all",
        "Older 2",
        "Older 3",
        "Older 4",
    ]


def test_related_stories_come_from_the_story_page_data_without_a_query_for_a_story_without_links(
    django_assert_num_queries,
):
    lonely = make_article(live=True)
    make_article(live=True, headline="Another story")
    story = load_story_details(with_story_details(Article.objects.all()).get(pk=lonely.pk))

    with django_assert_num_queries(0):
        assert list(Article.objects.for_cards().related_to(story)) == []


def test_a_rare_tag_finds_the_one_other_story_carrying_it():
    story = make_article(live=True)
    story.tags.add("Obscure festival")
    other = make_article(live=True, publish_at=days_ago(400), headline="The other one")
    other.tags.add("Obscure festival")
    for day in range(1, 4):
        make_article(live=True, publish_at=days_ago(day)).tags.add("Thrillers")

    related = list(Article.objects.for_cards().related_to(story))

    assert [article.headline for article in related] == ["The other one"]


def test_a_story_without_links_has_no_related_block(client):
    story = make_article(live=True)
    assert "related-heading" not in html_of(client.get(story.get_absolute_url()))


def test_a_renamed_story_redirects_from_its_old_address(client):
    story = make_article(live=True, slug="first-slug")
    old_url = story.get_absolute_url()
    story.slug = "second-slug"
    story.save()
    story.slug = "third-slug"
    story.save()

    for url in [old_url, old_url.replace("first-slug", "second-slug")]:
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == story.get_absolute_url()
    assert client.get(story.get_absolute_url()).status_code == 200


def test_a_story_moved_to_another_section_redirects(client):
    story = make_article(live=True)
    old_url = story.get_absolute_url()
    story.section = make_section()
    story.save()
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == story.get_absolute_url()


def test_old_addresses_of_unpublished_stories_do_not_redirect(client):
    story = make_article(status="draft", slug="draft-one")
    story.slug = "draft-two"
    story.save()
    assert client.get(f"/{story.section.slug}/draft-one/").status_code == 404
    assert client.get(f"/{story.section.slug}/draft-two/").status_code == 404


def test_a_new_story_may_take_a_slug_another_story_left(client):
    first = make_article(live=True, slug="shared")
    first.slug = "moved-on"
    first.save()
    second = make_article(live=True, slug="shared", section=first.section)
    assert client.get(second.get_absolute_url()).status_code == 200
    assert html_of(client.get(second.get_absolute_url())).count(second.headline) >= 1


@pytest.mark.parametrize("count", [1, 12])
def test_the_story_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    story = story_with_everything()
    for n in range(count):
        story.people.add(make_person(portrait=make_image(file=uploaded_image(size=(400, 400)))))
        story.films.add(
            make_film(
                platform=make_platform(), poster=make_image(file=uploaded_image(size=(400, 600)))
            )
        )
        story.tags.add(f"topic-{n}")
        Authorship.objects.create(article=story, person=make_person(), order=10 + n)
        related = make_article(
            live=True, hero_image=make_image(file=uploaded_image(size=(800, 450)))
        )
        related.tags.add("Thrillers")
    with django_assert_max_num_queries(STORY_QUERIES):
        html_of(client.get(story.get_absolute_url()))


# Tags and authors


def test_a_tag_page_lists_live_stories_with_the_tag(client):
    tagged = make_article(live=True, headline="Tagged and live")
    tagged.tags.add("Film festivals")
    draft = make_article(headline="Tagged draft")
    draft.tags.add("Film festivals")

    html = html_of(client.get("/tags/film-festivals/"))
    assert "<h1>Film festivals</h1>" in html
    assert "Tagged and live" in html and "Tagged draft" not in html


def test_a_tag_only_on_unpublished_stories_is_404(client):
    make_article(headline="Secret").tags.add("Secret project")
    assert client.get("/tags/secret-project/").status_code == 404
    assert client.get("/tags/never-used/").status_code == 404


def test_an_author_page_lists_their_live_bylines(client):
    writer = make_person(name="Lena Sorokina", description="senior film writer")
    make_article(live=True, authors=[writer], headline="Her live piece")
    make_article(authors=[writer], headline="Her draft")
    make_article(live=True, headline="Someone else's piece")

    html = html_of(client.get(f"/authors/{writer.slug}/"))
    assert "Lena Sorokina" in html
    assert "Her live piece" in html
    assert "Her draft" not in html and "Someone else" not in html


def profile_links(html):
    """The author's links elsewhere as (href, rel, text), in order."""
    block = html.split('<ul class="profile-links"')[1].split("</ul>")[0]
    return re.findall(r'<li><a href="([^"]*)" rel="([^"]*)">(.*?)</a></li>', block)


def test_an_author_page_shows_the_persons_links_elsewhere(client):
    writer = make_person(name="Lena Sorokina", website="https://lena.example/")
    writer.links.create(label="Bluesky", url="https://bsky.app/profile/lena.example", order=1)
    writer.links.create(label="Mastodon", url="https://mastodon.example/@lena", order=0)
    make_article(live=True, authors=[writer])

    html = html_of(client.get(f"/authors/{writer.slug}/"))
    assert profile_links(html) == [
        ("https://lena.example/", "me noopener", "Website"),
        ("https://mastodon.example/@lena", "me noopener", "Mastodon"),
        ("https://bsky.app/profile/lena.example", "me noopener", "Bluesky"),
    ]
    assert 'aria-label="Lena Sorokina elsewhere"' in html


def test_an_authors_links_are_web_addresses_and_text(client):
    """Links are stored as typed; only http and https ones reach readers, labels as text."""
    writer = make_person(name="Lena Sorokina", website="ftp://files.example/")
    writer.links.create(label="<b>Insta</b>gram", url="https://instagram.example/lena?a=1&b=2")
    writer.links.create(label="Evil", url="javascript:alert(1)")
    writer.links.create(label="Data", url="data:text/html,<script>alert(1)</script>")
    make_article(live=True, authors=[writer])

    html = html_of(client.get(f"/authors/{writer.slug}/"))
    assert profile_links(html) == [
        (
            "https://instagram.example/lena?a=1&amp;b=2",
            "me noopener",
            "&lt;b&gt;Insta&lt;/b&gt;gram",
        )
    ]
    assert "javascript:" not in html and "data:text" not in html and "ftp://" not in html


def test_an_author_without_links_has_no_list(client):
    writer = make_person()
    make_article(live=True, authors=[writer])
    assert 'class="profile-links"' not in html_of(client.get(f"/authors/{writer.slug}/"))


def test_someone_without_live_bylines_has_no_author_page(client):
    actor = make_person()
    make_article(authors=[actor])
    assert client.get(f"/authors/{actor.slug}/").status_code == 404


# Errors


def test_the_404_page_is_in_the_sites_design(client):
    response = client.get("/no/such/page/at/all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html
    assert 'class="site-header"' in html


@pytest.mark.parametrize(
    "path",
    [
        "/%E2%80%8B/",
        "/section/%00/",
        "/tags/%F0%9F%8E%AC/",
        "/authors/../../etc/passwd/",
        "/" + "a" * 3000 + "/",
        "/films/%27%22%3E%3Cscript%3E/",
        "/people/x/?page=%FF",
    ],
)
def test_odd_addresses_are_404_never_500(client, path):
    assert client.get(path).status_code in (301, 404)


def test_a_credit_link_is_only_ever_a_web_address(client):
    """Forms refuse javascript: credit URLs; one stored some other way is shown as plain text."""
    from media.models import Image

    story = make_article(live=True, hero_image=make_image(credit="PHOTO: Agency"))
    Image.objects.filter(pk=story.hero_image.pk).update(credit_url="javascript:alert(1)")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "PHOTO: Agency" in html
    assert "javascript:" not in html
