"""The demo newsroom shows every story format live: a newcomer running `make run` sees
embeds, a lead video, galleries, corrections and where to watch without setting anything."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Correction
from articles.publishing import missing_for_publication, stored_byline
from articles.richtext import body_embeds, gallery_ids
from films.models import Availability, Film
from media import embeds as embed_details
from media.models import EmbedInfo, Gallery, GalleryItem
from tests.pages import node_of_type, page_text


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True  # as under `make run`
    call_command("load_demo", verbosity=0)


def live_story(slug):
    story = Article.objects.live().get(slug=slug)
    assert missing_for_publication(story, stored_byline(story)) == [], story
    return story


@pytest.mark.django_db
def test_loading_asks_no_provider_anything(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Embeds are stored by provider and id only: even with fetching on (as under `make
    run`) and no network, loading fetches nothing, now or when its transaction commits."""
    settings.DEBUG = True
    settings.EMBED_FETCH_METADATA = True

    asked = []

    def no_network(url, **kwargs):
        asked.append(url)  # kept even if a robust on_commit callback swallows the error
        raise AssertionError("load_demo tried to fetch from a provider")

    monkeypatch.setattr(embed_details, "fetch", no_network)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())

    assert asked == []
    assert not EmbedInfo.objects.exists()
    assert any(body_embeds(story.body) for story in Article.objects.live())


def test_stories_embed_a_youtube_video_and_posts_from_x_and_bluesky(demo, client):
    clip = live_story("pennywhistle-opening-clip")
    assert [embed.provider.key for embed in body_embeds(clip.body)] == ["youtube"]
    response = client.get(clip.get_absolute_url())
    text = page_text(response)
    # The static card: no player, no request to YouTube until the reader asks.
    assert "YouTube video Load content from YouTube" in text
    assert "youtube-nocookie.com" in response.headers["Content-Security-Policy"]
    assert "<iframe" not in response.content.decode()

    reactions = live_story("meridian-nominations-nominees-react")
    providers = [embed.provider.key for embed in body_embeds(reactions.body)]
    assert providers == ["x", "bluesky"]
    text = page_text(client.get(reactions.get_absolute_url()))
    assert "Load content from X" in text and "Load content from Bluesky" in text


def test_a_story_leads_with_a_video_over_its_poster(demo, client):
    story = live_story("the-salt-ledger-full-trailer")
    assert story.lead_video.provider.key == "youtube"
    assert story.hero_image.credit  # the poster

    response = client.get(story.get_absolute_url())
    text = page_text(response)
    assert "Load content from YouTube" in text
    assert story.hero_image.alt_text in response.content.decode()
    article = node_of_type(response, "NewsArticle")
    video = article["video"]
    assert video["@type"] == "VideoObject"
    assert video["embedUrl"].startswith("https://www.youtube-nocookie.com/embed/")


def test_galleries_show_in_a_body_and_as_a_story_lead(demo, client):
    in_body = live_story("lakeshore-opening-night-in-pictures")
    (gallery_id,) = gallery_ids(in_body.body)
    gallery = Gallery.objects.get(pk=gallery_id)
    assert 4 <= gallery.items.count() <= 6
    text = page_text(client.get(in_body.get_absolute_url()))
    assert f"{gallery.title} {gallery.items.count()} pictures" in text
    # A caption written for the gallery replaces the picture's own there.
    item = gallery.items.exclude(caption="").get()
    assert item.caption in text and item.image.caption not in text

    lead = live_story("velvet-switchboard-set-in-pictures")
    assert lead.lead_gallery is not None and lead.lead_gallery != gallery
    assert 4 <= lead.lead_gallery.items.count() <= 6
    response = client.get(lead.get_absolute_url())
    assert 'class="gallery gallery--lead"' in response.content.decode()
    assert node_of_type(response, "ImageGallery")["name"] == lead.lead_gallery.title

    for row in [*Gallery.objects.all(), *GalleryItem.objects.all()]:
        row.full_clean()


def test_live_stories_carry_corrections_listed_on_the_corrections_page(demo, client):
    corrections = Correction.objects.corrections().on_live_stories()
    assert corrections.count() >= 2
    assert Correction.objects.filter(kind=Correction.Kind.UPDATE).exists()
    for note in Correction.objects.select_related("article"):
        note.full_clean()
        assert note.article.first_published_at <= note.published_at
        assert note.article.revised_at >= note.published_at

    listing = page_text(client.get(reverse("articles:corrections")))
    note = corrections.get(article__slug="hbo-renews-the-velvet-switchboard")
    assert note.text in listing
    assert note.article.headline in listing

    story = page_text(client.get(note.article.get_absolute_url()))
    assert f"{note.text}" in story and "Correction, " in story


def test_films_show_where_to_watch_in_the_sites_region(demo, client, settings):
    films = Film.objects.filter(availabilities__region="US").distinct()
    assert films.count() >= 4
    us = Availability.objects.filter(region="US")
    assert set(us.values_list("how", flat=True)) == set(Availability.How.values)
    assert us.filter(available_from__isnull=False).exists()
    assert us.filter(available_from__isnull=True).exists()
    assert Availability.objects.filter(region="GB").exists()
    for row in Availability.objects.all():
        row.full_clean()

    marlow = Film.objects.get(slug="marlow-fen")
    text = page_text(client.get(marlow.get_absolute_url()))
    assert "Where to watch (United States)" in text
    assert "Rent on Apple TV from " in text
    assert "In cinemas at Lanternhouse Cinemas" in text

    settings.METRO_SITE_REGION = "GB"
    text = page_text(client.get(marlow.get_absolute_url()))
    assert "Where to watch (United Kingdom)" in text
    assert "Lanternhouse" not in text
