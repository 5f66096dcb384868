"""A correction in a real browser: an editor adds one to a live story on the story form,
and readers find it at the end of the story and on the corrections page."""

import json

from playwright.sync_api import expect

from articles.models import Correction
from tests.e2e.test_editor_story import log_in
from tests.factories import make_article, make_person, make_user

NOTE = "An earlier version of this story misstated the date of Beyoncé’s 東京 concert."


def test_an_editor_corrects_a_live_story_and_readers_see_it(new_page):
    make_user("editor", username="edie")
    story = make_article(
        live=True,
        headline="Beyoncé adds a night in 東京",
        body="<p>The second concert is on Friday.</p>",
        authors=[make_person(name="Amélie Poulain")],
        no_hero_image=True,
    )
    story.tags.add("Concerts")

    editor = new_page()
    log_in(editor, "edie")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    notes = editor.locator("#corrections-group")
    expect(notes.get_by_role("heading", name="Corrections and updates")).to_be_visible()
    notes.get_by_role("button", name="Add another Correction or update").click()
    # A new note is a correction, dated now.
    expect(editor.locator("#id_corrections-0-kind")).to_have_value("correction")
    expect(editor.locator("#id_corrections-0-published_at_0")).not_to_have_value("")
    editor.locator("#id_corrections-0-text").fill(NOTE)
    editor.get_by_role("button", name="Save changes", exact=True).first.click()
    expect(editor.locator(".messagelist .success")).to_be_visible()
    saved = Correction.objects.get()
    assert saved.text == NOTE

    reader = new_page()
    reader.goto(story.get_absolute_url())
    note = reader.locator(f"#{saved.anchor}")
    expect(note).to_contain_text(f"Correction, {saved.published_at:%B} ")
    expect(note).to_contain_text(NOTE)
    # At the end of the story: after its words, before its topics.
    body_bottom = reader.locator(".story__body").bounding_box()
    note_box = note.bounding_box()
    topics_top = reader.locator(".tag-list").bounding_box()["y"]
    assert body_bottom["y"] + body_bottom["height"] <= note_box["y"] < topics_top
    graph = json.loads(reader.locator("script[type='application/ld+json']").text_content())
    [article] = [node for node in graph["@graph"] if node["@type"] == "NewsArticle"]
    assert [comment["text"] for comment in article["correction"]] == [NOTE]

    reader.get_by_role("link", name="Corrections", exact=True).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Corrections")
    entry = reader.locator(".correction-list__item").first
    expect(entry).to_contain_text(NOTE)
    entry.get_by_role("link", name=story.headline).click()
    expect(reader.locator(f"#{saved.anchor}")).to_be_in_viewport()
