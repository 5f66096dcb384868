"""Embeds in a real browser: an editor pastes a YouTube and an X address into the body; a
reader's browser asks nothing of either until the reader loads the player.

The machine has no internet: the providers' oEmbed answers come from a fake server
on 127.0.0.1, and the player's own request is checked as attempted, not as loaded.
"""

import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from articles.models import Article, Section
from people.models import Person
from tests.e2e.conftest import AXE
from tests.e2e.test_editor_story import field, log_in, pick, save
from tests.factories import make_article, make_image, make_user, uploaded_image

HEADLINE = "Night Signal: watch the first trailer"
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
TWEET = "https://x.com/NetflixFilm/status/1798723406592352420"
SPOTIFY = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"


@contextmanager
def answering_prompts(page, address):
    """Type `address` into the page's prompts; dismiss its alerts."""

    def answer(dialog):
        dialog.accept(address) if dialog.type == "prompt" else dialog.dismiss()

    page.on("dialog", answer)
    try:
        yield
    finally:
        page.remove_listener("dialog", answer)


def paste(page, text):
    """Paste `text` where the caret is, as the clipboard would hand it to the editor."""
    page.locator(".ProseMirror[contenteditable=true]").evaluate(
        """(body, text) => {
            const data = new DataTransfer()
            data.setData("text/plain", text)
            body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }))
        }""",
        text,
    )


def test_embeds_are_pasted_saved_and_load_only_when_the_reader_asks(
    new_page, live_server, fake_oembed
):
    fake_oembed.answer(
        "youtube",
        {
            "title": "Night Signal | Official Trailer",
            "author_name": "Netflix",
            "thumbnail_url": fake_oembed.picture("trailer.jpg", size=(1280, 720)),
        },
    )
    fake_oembed.answer(
        "x",
        {
            "author_name": "Netflix",
            "html": "<blockquote><p>The signal is coming. 12.4</p></blockquote>",
        },
    )
    Section.objects.create(name="Film", slug="film")
    editor = make_user("editor", username="edie")
    Person.objects.create(name="Edie Editor", slug="edie-editor", user=editor)

    # 1. The editor pastes two addresses, each alone on its line, between paragraphs.
    desk = new_page()
    log_in(desk, "edie")
    desk.goto("/admin/articles/article/add/")
    field(desk, "Headline").fill(HEADLINE)
    field(desk, "Standfirst").fill("Two minutes of rain, neon and a voice on the radio.")
    body = desk.locator(".ProseMirror[contenteditable=true]")
    body.click()
    desk.keyboard.type("The first trailer is here.")
    desk.keyboard.press("Enter")
    paste(desk, YOUTUBE)
    video_card = body.locator("figure.metro-embed", has_text="Night Signal | Official Trailer")
    expect(video_card).to_be_visible()
    expect(video_card.locator("img")).to_have_attribute("src", re.compile(r"^/images/embeds/\d+/"))
    # The caret waits on the next line: the second address goes straight in.
    paste(desk, TWEET)
    expect(body.locator("figure.metro-embed", has_text="The signal is coming")).to_be_visible()
    desk.keyboard.type("Netflix announced the date on X.")
    # An address Metro does not embed stays a link.
    desk.keyboard.press("Enter")
    paste(desk, "https://example.com/press-kit")
    expect(body.locator("a[href='https://example.com/press-kit']")).to_be_visible()
    expect(body.locator("figure.metro-embed")).to_have_count(2)
    # The toolbar's Embed button asks for an address, and refuses one it does not know.
    desk.keyboard.press("Enter")
    with answering_prompts(desk, "https://example.com/not-a-video"):
        with desk.expect_event("dialog", lambda dialog: dialog.type == "alert") as alert:
            desk.get_by_role("button", name="Embed a video").click()
    assert "Metro cannot embed this address" in alert.value.message
    with answering_prompts(desk, SPOTIFY):
        desk.get_by_role("button", name="Embed a video").click()
        expect(body.locator("figure.metro-embed", has_text="Spotify track")).to_be_visible()
    pick(desk, "id_section", "Film")
    desk.get_by_label("No picture").check()
    save(desk, "Publish now")

    story = Article.objects.get(headline=HEADLINE)
    assert story.is_live
    assert story.body.count('<figure class="embed"') == 3
    assert (
        'data-embed-provider="spotify" data-embed-id="track/4uLU6hMCjMI75M1A2tKUQC"' in story.body
    )
    assert 'data-embed-provider="youtube" data-embed-id="dQw4w9WgXcQ"' in story.body
    assert 'data-embed-provider="x" data-embed-id="1798723406592352420"' in story.body
    assert story.body.index("The first trailer") < story.body.index('"youtube"')
    assert story.body.index('"x"') < story.body.index("Netflix announced")
    assert '<a href="https://example.com/press-kit"' in story.body

    # 2. A reader's browser asks nothing of any provider before the click.
    reader = new_page()
    requests = []
    reader.on("request", lambda request: requests.append(request.url))
    reader.goto(story.get_absolute_url())
    reader.wait_for_load_state("networkidle")
    site = urlsplit(live_server.url).netloc
    assert requests, "the page made no requests at all"
    assert [url for url in requests if urlsplit(url).netloc != site] == []

    video = reader.locator(".embed", has_text="Night Signal | Official Trailer")
    expect(video.locator(".embed__thumbnail")).to_be_visible()
    expect(video.get_by_role("link", name="Watch on YouTube")).to_have_attribute("href", YOUTUBE)
    expect(reader.get_by_text("YouTube will then see your IP address")).to_be_visible()
    post = reader.locator(".embed", has_text="The signal is coming")
    expect(post.get_by_role("button", name="Load content from X")).to_be_visible()
    expect(reader.locator("iframe")).to_have_count(0)

    # 3. The click loads YouTube's privacy-enhanced player, and only that.
    with reader.expect_request(lambda request: "youtube-nocookie.com" in request.url) as asked:
        video.get_by_role("button", name="Load content from YouTube").click()
    assert asked.value.url.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    player = reader.locator("iframe.embed__frame")
    expect(player).to_have_count(1)
    expect(player).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    expect(player).to_have_attribute("title", "Night Signal | Official Trailer (YouTube video)")
    foreign = {urlsplit(url).netloc for url in requests} - {site}
    assert foreign <= {"www.youtube-nocookie.com"}, foreign
    # The X post is still a card.
    expect(post.get_by_role("button", name="Load content from X")).to_be_visible()


def test_without_javascript_an_embed_is_a_link(new_page, fake_oembed):
    fake_oembed.answer("youtube", {"title": "Night Signal | Official Trailer"})
    story = Article.objects.create(
        headline="Trailer",
        slug="trailer",
        section=Section.objects.create(name="Film", slug="film"),
        body='<p>Watch.</p><figure class="embed" data-embed-provider="youtube" '
        'data-embed-id="dQw4w9WgXcQ"></figure>',
        status=Article.Status.PUBLISHED,
    )

    reader = new_page(javascript=False)
    reader.goto(story.get_absolute_url())

    expect(reader.get_by_role("link", name="Watch on YouTube")).to_have_attribute("href", YOUTUBE)
    expect(reader.get_by_role("button", name="Load content from YouTube")).to_be_hidden()


def test_embed_cards_pass_the_accessibility_audit(new_page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: `npm ci`")
    poster = make_image(file=uploaded_image(size=(1600, 900)), alt_text="A wet street at night")
    story = make_article(
        live=True,
        headline="Night Signal: the trailer",
        hero_image=poster,
        lead_video_url="https://vimeo.com/76979871",
        body='<p>Watch.</p><figure class="embed" data-embed-provider="x" data-embed-id="20">'
        '</figure><figure class="embed" data-embed-provider="spotify" '
        'data-embed-id="track/4uLU6hMCjMI75M1A2tKUQC"></figure>',
    )
    # axe is injected as an inline script, which the site's CSP rightly refuses.
    page = new_page(bypass_csp=True)
    problems = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(story.get_absolute_url())
        expect(page.get_by_role("button", name="Load content from Vimeo")).to_be_visible()
        page.add_script_tag(path=AXE)
        results = page.evaluate("async () => await axe.run(document)")
        problems += [
            f"{scheme}: {violation['id']} {violation['help']}"
            for violation in results["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
    assert not problems, "\n".join(problems)
