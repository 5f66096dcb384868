"""Linking a story by reference in a real browser: the editor finds it in the link dialog
with the keyboard, saves, and readers' link follows the story to its new address."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.e2e.conftest import AXE
from tests.e2e.test_editor_story import log_in, save
from tests.factories import make_article, make_person, make_section, make_user

TARGET = "The Salt Ledger: our review"


LINK_BUTTON = "Link: to a story, person or film, or a web address"


def select_words(page, words):
    """Select `words` in the story body, as dragging over them would."""
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.click()
    body.evaluate(
        """(body, words) => {
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
            while (walker.nextNode()) {
                const start = walker.currentNode.data.indexOf(words)
                if (start < 0) continue
                const range = document.createRange()
                range.setStart(walker.currentNode, start)
                range.setEnd(walker.currentNode, start + words.length)
                getSelection().removeAllRanges()
                getSelection().addRange(range)
                return
            }
        }""",
        words,
    )
    # The editor takes the selection on its next event; then the link button is enabled.
    expect(page.get_by_role("button", name=LINK_BUTTON)).not_to_have_class(re.compile("disabled"))


def test_an_editor_links_a_story_found_in_the_dialog_and_readers_follow_it(new_page):
    film = make_section(name="Film", slug="film")
    target = make_article(live=True, headline=TARGET, slug="salt-ledger-review", section=film)
    story = make_article(
        live=True,
        headline="Night notes",
        section=film,
        body="<p>Read our review first.</p>",
        no_hero_image=True,
        authors=[make_person(name="Edie Tor")],
    )
    make_user("editor", username="edie")

    editor = new_page()
    log_in(editor, "edie")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    select_words(editor, "our review")
    editor.get_by_role("button", name=LINK_BUTTON).click()

    dialog = editor.get_by_role("dialog", name="Link")
    search = dialog.get_by_role("combobox", name="Find a story, person or film")
    expect(search).to_be_focused()
    search.press_sequentially("salt led")
    option = dialog.get_by_role("option", name=TARGET)
    expect(option).to_be_visible()
    expect(search).to_have_attribute("aria-expanded", "true")
    expect(dialog.get_by_role("group", name="Stories")).to_be_visible()
    search.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(search).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    search.press("Enter")

    expect(search).to_have_attribute("aria-expanded", "false")
    expect(dialog).to_contain_text(f"Links to the story “{TARGET}” (Live")
    expect(dialog.get_by_label("URL", exact=True)).to_have_value("/film/salt-ledger-review/")
    dialog.get_by_role("button", name="Update").click()
    expect(dialog).to_be_hidden()

    body = editor.locator(".ProseMirror[contenteditable=true]")
    expect(body.locator(f'a[data-link="article:{target.pk}"]')).to_have_text("our review")

    # A typed URL stays a plain link; Enter in the field saves it.
    select_words(editor, "Read")
    editor.get_by_role("button", name=LINK_BUTTON).click()
    dialog.get_by_label("URL", exact=True).fill("https://example.com/reading")
    dialog.get_by_label("URL", exact=True).press("Enter")
    expect(dialog).to_be_hidden()
    expect(body.locator('a[href="https://example.com/reading"]')).to_have_text("Read")

    save(editor, "Save changes")
    stored = Article.objects.get(pk=story.pk).body
    assert f'<a href="/film/salt-ledger-review/" data-link="article:{target.pk}"' in stored
    assert '<a href="https://example.com/reading" rel="noopener noreferrer">Read</a>' in stored

    # Reopened, the dialog says where the link goes.
    body.locator("a[data-link]").click()
    editor.get_by_role("button", name=LINK_BUTTON).click()
    expect(editor.get_by_role("dialog", name="Link")).to_contain_text(
        f"Links to the story “{TARGET}”"
    )
    editor.keyboard.press("Escape")
    expect(editor.get_by_role("dialog", name="Link")).to_be_hidden()

    # The story moves; readers' link goes with it.
    target.slug = "salt-ledger-verdict"
    target.save()
    reader = new_page()
    reader.goto(story.get_absolute_url())
    reader.get_by_role("link", name="our review").click()
    expect(reader).to_have_url(re.compile(r"/film/salt-ledger-verdict/$"))
    expect(reader.get_by_role("heading", level=1)).to_have_text(TARGET)


def test_the_link_dialog_passes_axe_with_its_list_open(new_page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: `npm ci` (make test and make e2e run it)")
    section = make_section(name="Film", slug="film")
    make_article(live=True, headline=TARGET, section=section)
    make_person(name="Saltanat Ledgerwood")
    story = make_article(headline="Night notes", body="<p>Read our review first.</p>")
    make_user("editor", username="edie")

    # axe is injected as an inline script, which the admin's CSP rightly refuses.
    editor = new_page(bypass_csp=True)
    log_in(editor, "edie")
    editor.goto(f"/admin/articles/article/{story.pk}/change/")
    select_words(editor, "our review")
    editor.get_by_role("button", name=LINK_BUTTON).click()
    dialog = editor.get_by_role("dialog", name="Link")
    dialog.get_by_role("combobox").press_sequentially("salt")
    expect(dialog.get_by_role("option")).to_have_count(2)
    dialog.get_by_role("combobox").press("ArrowDown")

    editor.add_script_tag(path=AXE)
    results = editor.evaluate(
        "async () => await axe.run(document.querySelector('dialog.metro-link-picker'))"
    )

    serious = [
        f"{violation['id']}: {violation['help']}"
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert not serious
