"""Two editors on one story in two browsers: presence shows and expires, an autosave
survives closing the page and is offered back, and leaving unsaved work asks first."""

import re
import time
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from articles.models import Article
from desk.models import EditingPresence
from tests.e2e.conftest import log_in
from tests.factories import make_article, make_user

NEW_HEADLINE = "Amélie à 東京: the interview, autosaved"
NEW_WORDS = "She called from the car park."


@pytest.fixture
def quick_presence(monkeypatch):
    """Heartbeats every second and presence gone after three, so expiry shows in seconds."""
    monkeypatch.setattr("desk.live_admin.HEARTBEAT_SECONDS", 1)
    monkeypatch.setattr("desk.models.PRESENCE_TTL", timedelta(seconds=3))
    monkeypatch.setattr("desk.live.PRESENCE_TTL", timedelta(seconds=3))


def test_two_editors_see_each_other_and_autosave_comes_back(new_page, live_server, quick_presence):
    make_user("writer", username="jo", first_name="Jo", last_name="Park")
    make_user("editor", username="edna", first_name="Edna", last_name="Editor")
    story = make_article(headline="Amélie à 東京")
    form_url = f"/admin/articles/article/{story.pk}/change/"

    jo = new_page()
    log_in(jo, "jo")
    jo.goto(form_url)
    edna = new_page()
    log_in(edna, "edna")
    edna.goto(form_url)

    editing = edna.locator(".desk-live-editing")
    expect(editing).to_have_text(
        re.compile(r"^Jo Park is editing this story \(since \d\d:\d\d\)\. Take over$")
    )
    expect(jo.locator(".desk-live-editing")).to_contain_text("Edna Editor is editing this story")

    # Jo's connection drops (no goodbye is sent): Edna's notice goes by itself.
    jo.context.set_offline(True)
    expect(editing).to_have_count(0)
    jo.context.set_offline(False)

    # Back online, Jo is seen again; Edna, an editor, takes over and Jo is told.
    jo.reload()
    expect(editing).to_contain_text("Jo Park is editing this story")
    edna.get_by_role("button", name="Take over").click()
    expect(editing).to_have_count(0)
    expect(jo.locator(".desk-live-taken-over")).to_have_text(
        re.compile(
            r"^Edna Editor took over at \d\d:\d\d; your unsaved text is kept: "
            r"copy it or autosave it\. Autosave my text now$"
        )
    )

    # Jo types a new headline and body anyway, they are autosaved, and the tab is closed.
    jo.get_by_label("Headline:", exact=True).fill(NEW_HEADLINE)
    with jo.expect_response(
        lambda response: (
            response.url.endswith("/autosave/")
            and response.request.method == "POST"
            and NEW_WORDS in (response.request.post_data or "")
        )
    ):
        jo.locator(".ProseMirror[contenteditable=true]").click()
        jo.keyboard.press("End")
        jo.keyboard.press("Enter")
        jo.keyboard.type(NEW_WORDS)
    expect(jo.locator(".desk-live-status")).to_contain_text("Autosaved at")
    jo.close()
    story.refresh_from_db()
    assert story.headline == "Amélie à 東京", "an autosave never changes the story"

    # Jo comes back: the autosave is offered, with what differs.
    jo = new_page()
    log_in(jo, "jo")
    jo.goto(form_url)
    offer = jo.locator(".desk-live-offer")
    expect(offer).to_contain_text("You have an autosave of this story from")
    expect(offer.locator("dt", has_text="Headline")).to_be_visible()
    expect(offer.locator("dd").first).to_have_text(NEW_HEADLINE)
    expect(offer).to_contain_text(NEW_WORDS)
    jo.get_by_role("button", name="Restore the autosave").click()
    expect(jo.get_by_label("Headline:", exact=True)).to_have_value(NEW_HEADLINE)
    expect(jo.locator(".ProseMirror[contenteditable=true]")).to_contain_text(NEW_WORDS)
    assert Article.objects.get(pk=story.pk).headline == "Amélie à 東京", "restoring saves nothing"

    # Leaving now asks first; staying keeps the text; saving does not ask.
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    jo.on("dialog", stay)
    jo.close(run_before_unload=True)
    expect(jo.get_by_label("Headline:", exact=True)).to_have_value(NEW_HEADLINE)
    assert dialogs == ["beforeunload"]
    jo.get_by_role("button", name="Save draft", exact=True).first.click()
    expect(jo.locator(".messagelist .success")).to_be_visible()
    assert dialogs == ["beforeunload"]
    assert Article.objects.get(pk=story.pk).headline == NEW_HEADLINE
    # The real save cleared the autosave: no offer on the fresh form.
    expect(jo.locator(".desk-live-status")).to_have_count(1)
    expect(jo.locator(".desk-live-offer")).to_be_empty()

    # Closing both forms says goodbye at once (sendBeacon): nobody is left editing.
    # Waiting for it also keeps the goodbyes from racing the database clean-up.
    jo.close()
    edna.close()
    wait_until(lambda: not EditingPresence.objects.exists())


def wait_until(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
