"""No silent overwrite: a save made from an out-of-date version is refused on every admin path."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Authorship
from core.versions import claim_version
from films.models import Film
from people.models import Person
from sister_sites.models import SisterSite
from tests.factories import (
    article_form_data,
    byline_as_shown,
    make_article,
    make_film,
    make_person,
    make_sister_site,
    shown_versions,
    started_from,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def story_form(story, **overrides):
    return article_form_data(story.section, slug=story.slug, headline=story.headline) | overrides


def test_a_save_moves_the_story_to_the_next_version(editor_client):
    story = make_article()
    response = editor_client.post(change_url(story), story_form(story, **started_from(story)))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.version == 2


def test_a_stale_publish_now_publishes_nothing(editor_client):
    story = make_article(no_hero_image=True, authors=[make_person()])
    opened = started_from(story) | {"no_hero_image": "on"}
    assert editor_client.post(change_url(story), story_form(story, **opened)).status_code == 302

    stale = story_form(story, **opened) | byline_as_shown(story) | {"_publish": "1"}
    response = editor_client.post(change_url(story), stale)

    assert response.status_code == 409
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT and story.first_published_at is None
    assert story.version == 2


def test_the_change_form_carries_the_version_it_shows(editor_client):
    story = make_article()
    Article.objects.filter(pk=story.pk).update(version=7)
    page = editor_client.get(change_url(story)).content.decode()
    assert 'name="base_version" value="7"' in page


def test_a_stale_save_is_refused_with_both_texts_and_nothing_written(editor_client):
    story = make_article()
    first_save = story_form(story, body="<p>First draft.</p>", **started_from(story))
    assert editor_client.post(change_url(story), first_save).status_code == 302
    opened = started_from(story)  # Both editors open version 2.
    theirs = story_form(story, body="<p>Amélie’s rewrite, saved first.</p>", **opened)
    assert editor_client.post(change_url(story), theirs).status_code == 302

    mine = story_form(story, headline="Beyoncé in 東京", body="<p>My stale body.</p>", **opened)
    response = editor_client.post(change_url(story), mine)

    assert response.status_code == 409
    page = response.content.decode()
    assert "not saved" in page
    assert "&lt;p&gt;Amélie’s rewrite, saved first.&lt;/p&gt;" in page  # theirs, live
    assert "&lt;p&gt;First draft.&lt;/p&gt;" in page  # what they changed it from
    assert "&lt;p&gt;My stale body.&lt;/p&gt;" in page  # mine, to copy out
    assert "Beyoncé in 東京" in page
    assert f'href="{change_url(story)}"' in page  # reload onto the newest version
    publish_at = next(row for row in response.context["rows"] if row["name"] == "publish_at")
    assert (publish_at["mine"], publish_at["differs"]) == ("", False)  # both left empty
    story.refresh_from_db()
    assert (story.headline, story.body, story.version) == (
        story.headline,
        "<p>Amélie’s rewrite, saved first.</p>",
        3,
    )
    assert story.headline != "Beyoncé in 東京"


@pytest.mark.parametrize("version", [{"base_version": "0"}, {}, {"base_version": "nonsense"}])
def test_a_forged_or_versionless_post_is_a_conflict(editor_client, version):
    story = make_article(headline="Kept")
    response = editor_client.post(change_url(story), story_form(story, headline="Forged") | version)
    assert response.status_code == 409
    story.refresh_from_db()
    assert (story.headline, story.version) == ("Kept", 1)


@pytest.mark.parametrize("missing", ["tags", "authors"])
def test_a_stale_post_missing_a_field_gets_the_conflict_screen(editor_client, missing):
    """A forged or partial POST (here without any `tags` key at all) is refused as a
    conflict, never a server error."""
    story = make_article(headline="Kept")
    opened = started_from(story)
    assert editor_client.post(change_url(story), story_form(story, **opened)).status_code == 302
    stale = story_form(story, headline="Beyoncé in 東京", **opened)
    stale.pop(missing, None)
    response = editor_client.post(change_url(story), stale)
    assert response.status_code == 409
    story.refresh_from_db()
    assert (story.headline, story.version) == ("Kept", 2)


@pytest.mark.parametrize(
    ("make", "form"),
    [
        (
            make_person,
            lambda person: {
                "name": "Beyoncé Knowles",
                "slug": person.slug,
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
                "credits-TOTAL_FORMS": "0",
                "credits-INITIAL_FORMS": "0",
            },
        ),
        (
            make_film,
            lambda film: {
                "title": "Amélie",
                "slug": film.slug,
                "kind": "film",
                "credits-TOTAL_FORMS": "0",
                "credits-INITIAL_FORMS": "0",
                "availabilities-TOTAL_FORMS": "0",
                "availabilities-INITIAL_FORMS": "0",
            },
        ),
        (
            make_sister_site,
            lambda site: {
                "name": "東京 Daily",
                "slug": site.slug,
                "home_url": site.home_url,
                "feed_url": "",
                "order": "0",
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
            },
        ),
    ],
)
def test_people_films_and_sister_sites_refuse_a_stale_save(editor_client, make, form):
    obj = make()
    model = type(obj)
    model.objects.filter(pk=obj.pk).update(version=3)  # someone saved twice meanwhile
    stale = editor_client.post(change_url(obj), form(obj) | {"base_version": "1"})
    assert stale.status_code == 409
    assert model.objects.get(pk=obj.pk).version == 3
    fresh = editor_client.post(change_url(obj), form(obj) | {"base_version": "3"})
    assert fresh.status_code == 302, fresh.context["adminform"].form.errors
    assert model.objects.get(pk=obj.pk).version == 4


def byline_form(story, person, **version):
    return story_form(
        story,
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-INITIAL_FORMS": "0",
            "authorships-0-person": person.pk,
            "authorships-0-role": "author",
            "authorships-0-order": "0",
        },
        **version,
    )


def test_an_inline_change_checks_and_moves_the_story_version(editor_client):
    story, person = make_article(), make_person(name="Amélie Poulain")
    Article.objects.filter(pk=story.pk).update(version=2)

    stale = editor_client.post(change_url(story), byline_form(story, person, base_version="1"))
    assert stale.status_code == 409
    assert not Authorship.objects.exists()
    assert "authorships-0-person" in stale.content.decode()  # the rows they posted

    fresh = editor_client.post(change_url(story), byline_form(story, person, base_version="2"))
    assert fresh.status_code == 302
    assert Authorship.objects.get().person == person
    assert Article.objects.get(pk=story.pk).version == 3


def test_an_action_leaves_rows_changed_since_the_list_was_shown(editor_client):
    shown_fresh = make_article(
        status=Article.Status.REVIEW, headline="Fresh", no_hero_image=True, authors=[make_person()]
    )
    shown_stale = make_article(status=Article.Status.REVIEW, headline="Edited meanwhile")
    versions = shown_versions(shown_fresh, shown_stale)
    Article.objects.filter(pk=shown_stale.pk).update(version=2)

    response = editor_client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [shown_fresh.pk, shown_stale.pk], **versions},
        follow=True,
    )

    shown_fresh.refresh_from_db()
    shown_stale.refresh_from_db()
    assert shown_fresh.is_live and shown_fresh.version == 2
    assert shown_stale.status == Article.Status.REVIEW and shown_stale.version == 2
    page = response.content.decode()
    assert "someone saved them after this list was shown: Edited meanwhile" in page


def test_an_action_posted_without_versions_changes_nothing(editor_client):
    story = make_article(status=Article.Status.REVIEW)
    editor_client.post(CHANGELIST, {"action": "publish", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW


def test_the_change_list_shows_each_rows_version(editor_client):
    story = make_article()
    page = editor_client.get(CHANGELIST).content.decode()
    assert f'name="_versions" value="{story.pk}:1"' in page


def list_edit(client, site, *, order, **versions):
    return client.post(
        reverse("admin:sister_sites_sistersite_changelist"),
        {
            "_save": "Save",
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": site.pk,
            "form-0-order": order,
            "form-0-active": "on",
            **versions,
        },
    )


def test_a_list_editable_row_changed_meanwhile_is_refused(editor_client):
    site = make_sister_site(order=1)
    shown = shown_versions(site)
    SisterSite.objects.filter(pk=site.pk).update(version=2)

    assert list_edit(editor_client, site, order=5, **shown).status_code == 409
    site.refresh_from_db()
    assert (site.order, site.version) == (1, 2)

    assert list_edit(editor_client, site, order=5, **shown_versions(site)).status_code == 302
    site.refresh_from_db()
    assert (site.order, site.version) == (5, 3)


def test_a_revert_from_a_stale_form_is_refused(editor_client):
    story = make_article(headline="First")
    editor_client.post(
        change_url(story), story_form(story, headline="Second", **started_from(story))
    )
    first = Version.objects.get_for_object(story).last()
    revision_url = reverse("admin:articles_article_revision", args=[story.pk, first.pk])
    page = editor_client.get(revision_url).content.decode()
    assert 'name="base_version" value="2"' in page  # the live version, not the old one's

    stale = editor_client.post(revision_url, story_form(story, headline="First", base_version="1"))
    assert stale.status_code == 409
    story.refresh_from_db()
    assert (story.headline, story.version) == ("Second", 2)


def test_saves_from_code_keep_the_version():
    person = make_person()
    person.name = "Beyoncé"
    person.save()
    film = make_film()
    Film.objects.filter(pk=film.pk).update(title="Amélie")
    assert Person.objects.get(pk=person.pk).version == 1
    assert Film.objects.get(pk=film.pk).version == 1


@pytest.mark.django_db(transaction=True)
def test_two_servers_saving_at_once_cannot_both_win():
    """Two connections, as two app servers have: the second claim waits for the first
    transaction and then finds the row no longer at the version it started from."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time; this needs two connections")
    story = make_article()
    first_claimed, results = threading.Event(), {}

    def second_server():
        try:
            first_claimed.wait()
            with transaction.atomic():
                results["second"] = claim_version(Article, story.pk, 1)
        finally:
            connections.close_all()

    other = threading.Thread(target=second_server)
    other.start()
    with transaction.atomic():
        results["first"] = claim_version(Article, story.pk, 1)
        first_claimed.set()
        other.join(timeout=0.5)  # The second claim is waiting for this transaction.
        assert other.is_alive()
    other.join()
    assert results == {"first": True, "second": False}
    assert Article.objects.get(pk=story.pk).version == 2
