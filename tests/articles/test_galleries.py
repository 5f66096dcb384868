"""Galleries in stories: stored as an empty figure, drawn from the library for readers
(a list of figures that static/js/gallery.js makes a slideshow), leading a story,
checked before publishing, and described to search engines."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.richtext import gallery_ids, render_body, sanitize_body
from media.galleries import load_galleries
from media.pictures import slot_picture
from tests.factories import (
    article_form_data,
    make_article,
    make_gallery,
    make_image,
    make_person,
    make_section,
    uploaded_image,
)
from tests.pages import structured_data

pytestmark = pytest.mark.django_db


def figure(gallery_id):
    """A gallery as the editor stores it."""
    return f'<figure class="media-gallery" data-gallery-id="{gallery_id}"></figure>'


def picture(**overrides):
    return make_image(file=uploaded_image(size=(1200, 800)), **overrides)


# Sanitising


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        pytest.param(figure(12), figure(12), id="kept"),
        pytest.param(
            '<figure data-gallery-id=" 12 " class="media-gallery evil" onclick="x()"></figure>',
            figure(12),
            id="tidied",
        ),
        pytest.param(
            '<figure class="media-gallery" data-gallery-id="5"><img src="/x.png">'
            "<figcaption>Pasted <script>alert(1)</script></figcaption></figure>",
            figure(5),
            id="content-dropped",
        ),
        pytest.param(
            '<p>a</p><figure class="media-gallery" data-gallery-id="abc"></figure>',
            "<p>a</p>",
            id="not-a-number",
        ),
        pytest.param(
            '<figure class="media-gallery" data-gallery-id="-3"></figure>', "", id="negative"
        ),
        pytest.param('<figure class="media-gallery" data-gallery-id="0"></figure>', "", id="zero"),
        pytest.param(
            '<figure class="media-gallery" data-gallery-id="1e3"></figure>', "", id="exponent"
        ),
        pytest.param(
            '<figure class="media-gallery" data-gallery-id="１２"></figure>', "", id="fullwidth"
        ),
        pytest.param(
            f'<figure class="media-gallery" data-gallery-id="{"9" * 19}"></figure>',
            "",
            id="too-long",
        ),
        pytest.param('<figure class="media-gallery"></figure><p>b</p>', "<p>b</p>", id="no-id"),
        pytest.param('<figure data-gallery-id="7"></figure>', figure(7), id="no-class"),
        pytest.param(
            '<figure class="media-image" data-image-id="3" data-gallery-id="x"></figure>',
            "",
            id="image-with-a-bad-gallery-id",
        ),
    ],
)
def test_the_sanitiser_keeps_only_well_formed_gallery_figures(dirty, clean):
    assert sanitize_body(dirty) == clean


def test_gallery_text_in_a_paragraph_is_only_text():
    body = sanitize_body('<p>&lt;figure data-gallery-id="4"&gt; and "data-gallery-id"</p>')
    assert "<figure" not in body
    assert gallery_ids(body) == []


def test_gallery_ids_are_read_in_order_each_once():
    body = f"<p>a</p>{figure(9)}<p>b</p>{figure(3)}{figure(9)}"
    assert gallery_ids(body) == [9, 3]


# Rendering


def test_a_gallery_is_a_list_of_figures_with_captions_and_credits():
    first = picture(alt_text="Arriving", caption="Own caption", credit="PHOTO: Own")
    second = picture(alt_text="Leaving", caption="Not shown", credit="Not shown either")
    gallery = make_gallery(
        [first, (second, {"caption": "Leaving the Lido", "credit": "PHOTO: Agency"})],
        title="Venice, night one",
    )

    rendered = render_body(f"<p>Before</p>{figure(gallery.pk)}<p>After</p>")

    assert rendered == (
        "<p>Before</p>"
        f'<section class="gallery" id="gallery-1" aria-labelledby="gallery-1-title" '
        f'data-gallery="{gallery.pk}">'
        '<p class="gallery__title" id="gallery-1-title">Venice, night one '
        '<span class="gallery__count">2 pictures</span></p>'
        '<ol class="gallery__slides">'
        f'<li class="gallery__slide"><figure class="gallery__figure">'
        f"{slot_picture(first, 'story-body')}"
        '<figcaption>Own caption <span class="credit">PHOTO: Own</span></figcaption>'
        "</figure></li>"
        f'<li class="gallery__slide"><figure class="gallery__figure">'
        f"{slot_picture(second, 'story-body')}"
        '<figcaption>Leaving the Lido <span class="credit">PHOTO: Agency</span></figcaption>'
        "</figure></li>"
        "</ol></section>"
        "<p>After</p>"
    )
    # Renditions only, every one lazy: a gallery in the body is below the fold.
    assert first.url not in rendered
    assert rendered.count('loading="lazy"') == 2
    assert "fetchpriority" not in rendered


def test_captions_credits_titles_and_alt_text_are_escaped():
    image = picture(alt_text='"><script>alert(1)</script>', credit_url="https://x.example/")
    gallery = make_gallery(
        [(image, {"caption": "<script>alert('c')</script> & co", "credit": "<b>PHOTO</b>"})],
        title="<img src=x onerror=alert(1)>",
    )

    rendered = render_body(figure(gallery.pk))

    assert "<script" not in rendered and "<b>" not in rendered and "<img src=x" not in rendered
    assert "&lt;script&gt;alert(&#x27;c&#x27;)&lt;/script&gt; &amp; co" in rendered
    assert '<span class="credit">&lt;b&gt;PHOTO&lt;/b&gt;</span>' in rendered
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert 'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in rendered
    # The image's credit link belongs to the image's credit, not to one written over it.
    assert "x.example" not in rendered


def test_the_images_own_credit_keeps_its_link():
    image = picture(credit="PHOTO: Getty", credit_url="https://example.com/?a=1&b=2")
    rendered = render_body(figure(make_gallery([image]).pk))
    assert (
        '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer">PHOTO: Getty</a>'
    ) in rendered


def test_deleted_and_unreadable_images_are_skipped():
    kept, deleted, unreadable = picture(title="Kept"), picture(), picture()
    gallery = make_gallery([deleted, kept, unreadable])
    deleted.delete()
    type(unreadable).objects.filter(pk=unreadable.pk).update(width=None)

    rendered = render_body(figure(gallery.pk))

    assert rendered.count("<li") == 1
    assert f"/{kept.pk}/" in rendered
    assert "1 picture<" in rendered


@pytest.mark.parametrize("what", ["deleted", "empty", "unknown"])
def test_a_gallery_with_nothing_to_show_renders_nothing(what):
    gallery = make_gallery([] if what == "empty" else [picture()])
    gallery_id = gallery.pk if what != "unknown" else gallery.pk + 1000
    if what == "deleted":
        gallery.delete()

    assert render_body(f"<p>a</p>{figure(gallery_id)}<p>b</p>") == "<p>a</p><p>b</p>"


def test_each_gallery_on_a_page_has_its_own_ids():
    gallery = make_gallery([picture(), picture()])
    other = make_gallery([picture()])

    rendered = render_body(figure(gallery.pk) + figure(other.pk) + figure(gallery.pk))

    ids = re.findall(r'<section[^>]* id="([^"]+)"', rendered)
    assert ids == ["gallery-1", "gallery-2", "gallery-3"]


@pytest.mark.parametrize("galleries", [1, 3])
def test_all_galleries_and_figures_take_two_queries(django_assert_num_queries, galleries):
    body = "".join(
        figure(make_gallery([picture() for _ in range(4)]).pk)
        + f'<figure class="media-image" data-image-id="{picture().pk}"></figure>'
        for _ in range(galleries)
    )
    with django_assert_num_queries(2):
        rendered = render_body(body)
    assert rendered.count('<section class="gallery"') == galleries


def test_galleries_read_for_the_page_are_not_read_again_for_its_body(django_assert_num_queries):
    # A story reads its galleries once (Article.galleries); one that was deleted meanwhile
    # is missing from them, and must not send the body back to the database each view.
    kept = make_gallery([picture()])
    gone = make_gallery([picture()])
    gone_id = gone.pk
    gone.delete()
    galleries = load_galleries({kept.pk, gone_id})

    with django_assert_num_queries(0):
        rendered = render_body(
            figure(kept.pk) + figure(gone_id), link_targets={}, embed_infos={}, galleries=galleries
        )
    assert rendered.count('<section class="gallery"') == 1


# The story page


def story_page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return response


def test_a_lead_gallery_takes_the_place_of_the_hero_picture(client):
    hero = picture(alt_text="The hero picture")
    lead = make_gallery([picture(alt_text="First"), picture(alt_text="Second")], title="東京")
    story = make_article(live=True, hero_image=hero, lead_gallery=lead)

    page = story_page(client, story).content.decode()

    hero_area = re.search(r'<div class="story__hero story__hero--gallery">(.*?)</div>', page, re.S)
    assert hero_area, "no lead gallery in the hero area"
    assert 'class="gallery gallery--lead" id="gallery-lead"' in hero_area[1]
    assert "東京" in hero_area[1]
    assert "The hero picture" not in page.split("<main")[1]
    # The first picture loads at once, like a hero; the others when shown.
    assert re.search(r'alt="First" fetchpriority="high"', page)
    assert re.search(r'alt="Second" loading="lazy"', page)
    assert 'sizes="(min-width: 56rem) 52rem, 100vw"' in hero_area[1]
    assert '<script src="/static/js/gallery.js" defer></script>' in page


def test_the_slideshow_script_is_only_on_pages_with_a_gallery(client):
    plain = make_article(live=True, hero_image=picture())
    with_body_gallery = make_article(live=True, body=figure(make_gallery([picture()]).pk))

    assert "js/gallery.js" not in story_page(client, plain).content.decode()
    assert "js/gallery.js" in story_page(client, with_body_gallery).content.decode()


def test_a_story_whose_lead_gallery_went_shows_its_hero_picture(client):
    lead = make_gallery([picture()])
    story = make_article(live=True, hero_image=picture(alt_text="Hero"), lead_gallery=lead)
    lead.delete()
    story.refresh_from_db()

    page = story_page(client, story).content.decode()

    assert story.lead_gallery is None
    assert 'alt="Hero"' in page and "gallery" not in page.split("<main")[1]


def test_a_change_to_a_gallery_changes_the_pages_last_modified(client):
    image = picture()
    gallery = make_gallery([image])
    story = make_article(live=True, body=figure(gallery.pk))
    before = story_page(client, story)["Last-Modified"]

    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        item = gallery.items.get()
        item.caption = "A better caption"
        item.save()
        gallery.save()
        after = story_page(client, story)

    assert after["Last-Modified"] != before
    assert "A better caption" in after.content.decode()


# Publishing


def publish_form(**overrides):
    data = article_form_data(make_section(), _publish="1") | {
        "authorships-TOTAL_FORMS": "1",
        "authorships-0-person": make_person(name="Amélie Poulain").pk,
        "authorships-0-role": "author",
        "authorships-0-order": "0",
    }
    return data | overrides


def shown_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_lead_gallery_counts_as_the_hero(editor_client):
    gallery = make_gallery([picture(), (picture(credit=""), {"credit": "PHOTO: Override"})])

    response = editor_client.post(
        reverse("admin:articles_article_add"), publish_form(lead_gallery=gallery.pk)
    )

    assert response.status_code == 302, shown_messages(response)
    story = Article.objects.get()
    assert story.is_live and story.lead_gallery == gallery and story.hero_image is None


@pytest.mark.parametrize(
    ("pictures", "missing"),
    [
        ([], "pictures in the lead gallery (or another hero)"),
        ([{"alt_text": ""}], "alt text for every picture in the lead gallery"),
        ([{"credit": ""}], "a credit for every picture in the lead gallery"),
        (
            [{}, {"alt_text": " ", "credit": ""}],
            "alt text for every picture in the lead gallery; "
            "a credit for every picture in the lead gallery",
        ),
    ],
)
def test_a_lead_gallery_needs_pictures_with_alt_text_and_credits(editor_client, pictures, missing):
    gallery = make_gallery([picture(**fields) for fields in pictures])

    response = editor_client.post(
        reverse("admin:articles_article_add"), publish_form(lead_gallery=gallery.pk)
    )

    assert response.status_code == 200
    assert not Article.objects.exists()
    assert f"To publish, add: {missing}." in shown_messages(response)


def test_a_story_leads_with_a_video_or_a_gallery_not_both(editor_client):
    gallery = make_gallery([picture()])
    data = publish_form(
        lead_gallery=gallery.pk,
        hero_image=picture().pk,
        lead_video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )

    response = editor_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "a video or a gallery, not both" in str(errors["lead_gallery"])
    assert not Article.objects.exists()


# What published stories show


def test_stories_showing_a_gallery_or_its_pictures():
    image, elsewhere = picture(), picture()
    gallery = make_gallery([image])
    lead = make_article(live=True, lead_gallery=gallery)
    body = make_article(live=True, body=f"<p>Hi</p>{figure(gallery.pk)}")
    make_article(live=True, body=figure(make_gallery([elsewhere]).pk))
    # An id that only starts like this gallery's is another gallery.
    make_article(live=True, body=figure(int(f"{gallery.pk}0")))

    assert set(Article.objects.showing(gallery)) == {lead, body}
    assert set(Article.objects.showing(image)) == {lead, body}


# Structured data


@pytest.fixture
def public_origin(settings):
    settings.SITE_URL = "https://news.example"


def galleries_of(response):
    return [node for node in structured_data(response) if node["@type"] == "ImageGallery"]


def test_each_gallery_is_an_image_gallery_of_credited_image_objects(client, public_origin):
    lead_pictures = [
        make_image(
            file=uploaded_image(size=(1600, 900)),
            caption="Arriving",
            credit="PHOTO: Metro",
            copyright="© Metro Media 2026",
        ),
        (picture(caption="Own", credit="Own"), {"caption": "Leaving", "credit": "PHOTO: Agency"}),
    ]
    lead = make_gallery(lead_pictures, title="Night one")
    in_body = make_gallery([picture(caption="", credit="PHOTO: Beyoncé Studio")], title="東京")
    story = make_article(live=True, lead_gallery=lead, body=f"<p>Hi</p>{figure(in_body.pk)}")
    url = f"https://news.example{story.get_absolute_url()}"

    first, second = galleries_of(story_page(client, story))

    assert (first["@id"], first["name"], first["url"]) == (
        f"{url}#gallery-{lead.pk}",
        "Night one",
        url,
    )
    assert first["isPartOf"] == {"@id": f"{url}#article"}
    arriving, leaving = first["image"]
    assert arriving == {
        "@type": "ImageObject",
        "contentUrl": arriving["contentUrl"],
        "width": 1200,
        "height": 675,
        "caption": "Arriving",
        "creditText": "PHOTO: Metro",
        "copyrightNotice": "© Metro Media 2026",
    }
    assert re.fullmatch(
        r"https://news\.example/images/\d+/\w+/body-1200\.jpeg", arriving["contentUrl"]
    )
    assert (leaving["caption"], leaving["creditText"]) == ("Leaving", "PHOTO: Agency")
    assert "copyrightNotice" not in leaving
    assert second["name"] == "東京"
    (only,) = second["image"]
    assert only["creditText"] == "PHOTO: Beyoncé Studio" and "caption" not in only


def test_a_story_leading_with_a_gallery_shares_its_first_picture(client, public_origin):
    lead = make_gallery([make_image(file=uploaded_image(size=(2400, 1600)), alt_text="First")])
    story = make_article(live=True, lead_gallery=lead)

    response = story_page(client, story)

    news = next(n for n in structured_data(response) if n["@type"] == "NewsArticle")
    assert len(news["image"]) == 3
    first_id = lead.items.get().image_id
    assert all(f"/images/{first_id}/" in image["url"] for image in news["image"])
    assert (
        f"/images/{first_id}/"
        in re.search(r'property="og:image" content="([^"]+)"', response.content.decode())[1]
    )


def test_a_story_without_galleries_has_no_image_gallery(client):
    story = make_article(live=True, hero_image=picture())
    assert galleries_of(story_page(client, story)) == []


def test_unpublished_stories_show_no_gallery_to_readers(client):
    gallery = make_gallery([picture(alt_text="Secret")])
    draft = make_article(lead_gallery=gallery, body=figure(gallery.pk))

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/galleries/{gallery.pk}/").status_code == 404


# Cards: a story leading with a gallery and no hero image shows the gallery's first picture


def test_cards_of_a_story_leading_with_a_gallery_show_its_first_picture(client):
    undrawable, second, first = picture(alt_text="No size"), picture(), picture()
    type(first).objects.filter(pk=undrawable.pk).update(width=None)  # Readers never see it.
    lead = make_gallery([undrawable, second, first])
    lead.items.filter(image=second).update(order=9)  # By position, not by when added.
    story = make_article(live=True, headline="Wombat carpet 東京", lead_gallery=lead)
    hero = picture(alt_text="A hero")
    with_hero = make_article(
        live=True, section=story.section, hero_image=hero, lead_gallery=make_gallery([picture()])
    )
    bare = make_article(
        live=True, section=story.section, headline="Empty gallery", lead_gallery=make_gallery()
    )

    section = client.get(story.section.get_absolute_url()).content.decode()
    search = client.get("/search/", {"q": "wombat carpet"}).content.decode()

    assert str(slot_picture(first, "card", css_class="card__image")) in section
    assert str(slot_picture(first, "search-result", css_class="search-result__image")) in search
    assert f"/images/{second.pk}/" not in section and 'alt="No size"' not in section
    # A hero image still comes first; a gallery with nothing to show gives no picture.
    assert str(slot_picture(hero, "card", css_class="card__image")) in section
    assert with_hero.hero_image == hero
    cards = re.findall(r'<article class="card[^"]*">(.*?)</article>', section, re.S)
    bare_cards = [card for card in cards if bare.headline in card]
    assert bare_cards and all("<picture>" not in card for card in bare_cards)
