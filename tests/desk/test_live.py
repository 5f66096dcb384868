"""Presence, takeover and autosave on the change forms (desk.live), through their JSON endpoints."""

import html
import json
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from desk.models import Autosave, EditingPresence
from tests.factories import (
    article_form_data,
    make_article,
    make_film,
    make_image,
    make_person,
    make_section,
    make_sister_site,
    make_user,
    started_from,
)

# 10:02 in the newsroom (America/New_York, winter).
TEN_O_TWO = datetime(2026, 1, 12, 15, 2, tzinfo=UTC)


def endpoint(name, obj=None, model="articles.article"):
    app_label, model_name = model.split(".")
    key = "new" if obj is None else obj.pk
    return reverse(f"desk:{name}", args=[app_label, model_name, key])


def logged_in(user, **client_options):
    client = Client(**client_options)
    client.force_login(user)
    return client


def beat(client, story, **data):
    response = client.post(endpoint("heartbeat", story), data)
    assert response.status_code == 200, response.content
    return response.json()


def autosave(client, story, fields, based_on=""):
    return client.post(
        endpoint("autosave", story), {"fields": json.dumps(fields), "based_on": based_on}
    )


def page(response):
    return response.content.decode()


def offer(client, story):
    response = client.get(endpoint("autosave", story))
    assert response.status_code == 200
    return response.json()["autosave"]


@pytest.fixture
def jo(db):
    return make_user("writer", username="jo", first_name="Jo", last_name="Park")


@pytest.fixture
def edna(db):
    return make_user("editor", username="edna", first_name="Edna", last_name="Editor")


@pytest.fixture
def story(db):
    return make_article(headline="Amélie à 東京")


def test_change_form_loads_the_live_editing_script_with_its_endpoints(jo, story):
    form = page(logged_in(jo).get(reverse("admin:articles_article_change", args=[story.pk])))
    assert 'src="/static/admin/desk/live.js"' in form
    assert endpoint("heartbeat", story) in form
    assert "&quot;noun&quot;: &quot;story&quot;" in form


def test_all_five_change_forms_have_live_editing():
    from django.contrib import admin

    from desk.live import WATCHED
    from desk.live_admin import LiveEditingAdmin

    names = {model._meta.label for model in WATCHED}
    assert names == {
        "articles.Article",
        "people.Person",
        "films.Film",
        "media.Image",
        "sister_sites.SisterSite",
    }
    assert all(isinstance(admin.site._registry[model], LiveEditingAdmin) for model in WATCHED)


@pytest.mark.parametrize(
    ("model", "make"),
    [
        ("people.person", lambda: make_person(name="Beyoncé")),
        ("films.film", make_film),
        ("media.image", make_image),
        ("sister_sites.sistersite", make_sister_site),
        ("articles.article", None),
    ],
)
def test_the_other_change_forms_and_the_add_form_load_it_too(edna, model, make):
    app_label, model_name = model.split(".")
    if make is None:
        url, key = reverse(f"admin:{app_label}_{model_name}_add"), "new"
    else:
        obj = make()
        url, key = reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]), obj.pk
    form = page(logged_in(edna).get(url))
    assert "admin/desk/live.js" in form
    assert f"/desk/live/{app_label}/{model_name}/{key}/autosave/" in form


def test_presence_shows_who_else_is_editing_since_when_and_expires(jo, edna, story):
    jo_client, edna_client = logged_in(jo), logged_in(edna)
    with time_machine.travel(TEN_O_TWO, tick=False) as clock:
        beat(jo_client, story, enter="1")
        clock.shift(timedelta(seconds=20))
        assert beat(edna_client, story, enter="1")["editors"] == [
            {"name": "Jo Park", "since": "10:02", "may_take_over": True}
        ]
        assert beat(jo_client, story)["editors"][0]["name"] == "Edna Editor"

        # Jo's browser goes away: no more heartbeats, and 45 s later nobody sees Jo.
        clock.shift(timedelta(seconds=44))
        assert [e["name"] for e in beat(edna_client, story)["editors"]] == ["Jo Park"]
        clock.shift(timedelta(seconds=2))
        assert beat(edna_client, story)["editors"] == []


def test_heartbeats_keep_a_presence_and_its_start_time(jo, edna, story):
    jo_client, edna_client = logged_in(jo), logged_in(edna)
    with time_machine.travel(TEN_O_TWO, tick=False) as clock:
        beat(jo_client, story, enter="1")
        for _ in range(10):
            clock.shift(timedelta(seconds=15))
            beat(jo_client, story)
        beat(jo_client, story, enter="1")  # "Save and continue editing" reloads the form.
        assert beat(edna_client, story)["editors"][0]["since"] == "10:02"


def test_leaving_the_page_ends_the_presence_at_once(jo, edna, story):
    jo_client = logged_in(jo)
    beat(jo_client, story, enter="1")
    assert jo_client.post(endpoint("leave", story)).status_code == 200
    assert beat(logged_in(edna), story)["editors"] == []


def test_an_editor_takes_over_and_the_writer_is_told_at_next_heartbeat_and_save(jo, edna):
    story = make_article(headline="Night Signal")
    jo_client, edna_client = logged_in(jo), logged_in(edna)
    with time_machine.travel(TEN_O_TWO, tick=False) as clock:
        beat(jo_client, story, enter="1")
        for _ in range(20):  # Jo works on for five minutes.
            clock.shift(timedelta(seconds=15))
            beat(jo_client, story)
        response = edna_client.post(endpoint("take-over", story))
        assert response.status_code == 200
        assert response.json()["editors"] == []

        assert beat(jo_client, story)["taken_over"] == {"by": "Edna Editor", "at": "10:07"}
        saved = jo_client.post(
            reverse("admin:articles_article_change", args=[story.pk]),
            article_form_data(story.section, headline="Jo's late save", slug=story.slug)
            | started_from(story),
            follow=True,
        )
    warnings = [str(m) for m in saved.context["messages"]]
    assert "Edna Editor took over this story at 10:07." in warnings


def test_a_writer_may_not_take_over_an_active_editor_only_an_idle_one(jo, edna, story):
    jo_client, edna_client = logged_in(jo), logged_in(edna)
    with time_machine.travel(TEN_O_TWO, tick=False) as clock:
        beat(edna_client, story, enter="1")
        assert autosave(edna_client, story, {"headline": ["Edna types"]}).status_code == 200
        state = beat(jo_client, story, enter="1")
        assert state["editors"][0]["may_take_over"] is False
        assert jo_client.post(endpoint("take-over", story)).status_code == 403
        assert beat(edna_client, story)["taken_over"] is None

        # Edna's tab stays open (heartbeats go on) but she has typed nothing for 10 minutes.
        for _ in range(41):
            clock.shift(timedelta(seconds=15))
            beat(edna_client, story)
        assert beat(jo_client, story)["editors"][0]["may_take_over"] is True
        assert jo_client.post(endpoint("take-over", story)).status_code == 200
        assert beat(edna_client, story)["taken_over"]["by"] == "Jo Park"


def test_who_may_not_change_the_story_may_not_beat_autosave_or_take_over(jo, edna):
    published = make_article(live=True)  # Only editors change published stories.
    jo_client = logged_in(jo)
    beat(logged_in(edna), published, enter="1")
    assert jo_client.post(endpoint("heartbeat", published)).status_code == 403
    assert jo_client.post(endpoint("take-over", published)).status_code == 403
    assert autosave(jo_client, published, {"headline": ["Mine now"]}).status_code == 403
    assert not Autosave.objects.exists()


def test_autosave_is_kept_offered_back_and_changes_nothing_live(jo, story):
    jo_client = logged_in(jo)
    versions_before = Version.objects.count()
    fields = {"headline": ["Amélie à 東京: the interview"], "body": ["<p>New words.</p>"]}
    for _ in range(3):  # One row per user and story, however often it saves.
        assert autosave(jo_client, story, fields, based_on="x").status_code == 200
    assert Autosave.objects.count() == 1
    story.refresh_from_db()
    assert story.headline == "Amélie à 東京"
    assert Version.objects.count() == versions_before
    assert offer(jo_client, story)["fields"] == fields


def test_the_offer_says_when_the_story_was_saved_since_the_autosave_began(jo, edna, story):
    jo_client = logged_in(jo)
    change_form = jo_client.get(reverse("admin:articles_article_change", args=[story.pk]))
    config = json.loads(html.unescape(re.search(r'data-desk-live="([^"]+)"', page(change_form))[1]))
    autosave(jo_client, story, {"headline": ["Jo's idea"]}, based_on=config["basedOn"])
    assert offer(jo_client, story)["older_version"] is False

    logged_in(edna).post(
        reverse("admin:articles_article_change", args=[story.pk]),
        article_form_data(story.section, headline="Edna's headline", slug=story.slug)
        | started_from(story),
    )
    assert Article.objects.get(pk=story.pk).headline == "Edna's headline"
    kept = offer(jo_client, story)
    assert kept["fields"] == {"headline": ["Jo's idea"]}
    assert kept["older_version"] is True


def test_a_real_save_clears_my_autosave(jo, story):
    jo_client = logged_in(jo)
    autosave(jo_client, story, {"headline": ["Draft in progress"]})
    jo_client.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        article_form_data(story.section, headline="Draft saved", slug=story.slug)
        | started_from(story),
    )
    assert offer(jo_client, story) is None


def test_nobody_else_reads_my_autosave(jo, edna, story):
    autosave(logged_in(jo), story, {"headline": ["Jo's secret draft"]})
    assert offer(logged_in(edna), story) is None
    logged_in(edna).post(endpoint("discard-autosave", story))
    assert Autosave.objects.filter(user=jo).exists()


def test_a_new_story_autosaves_under_new_and_saving_it_clears_that(jo):
    jo_client = logged_in(jo)
    assert autosave(jo_client, None, {"headline": ["Beyoncé, unplugged"]}).status_code == 200
    assert offer(jo_client, None)["fields"]["headline"] == ["Beyoncé, unplugged"]
    section = make_section()
    jo_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(section, headline="Beyoncé, unplugged", slug="beyonce-unplugged"),
    )
    assert Article.objects.filter(slug="beyonce-unplugged").exists()
    assert offer(jo_client, None) is None


def test_autosave_refuses_what_is_not_a_form(jo, story):
    jo_client = logged_in(jo)
    for bad in ['{"headline": "not a list"}', "[1, 2]", "not json"]:
        response = jo_client.post(endpoint("autosave", story), {"fields": bad})
        assert response.status_code == 400
    assert not Autosave.objects.exists()


def test_forged_and_anonymous_requests_are_refused(jo, story, client):
    strict = logged_in(jo, enforce_csrf_checks=True)
    assert strict.post(endpoint("heartbeat", story)).status_code == 403
    assert strict.post(endpoint("take-over", story)).status_code == 403
    assert autosave(strict, story, {"headline": ["forged"]}).status_code == 403
    assert client.post(endpoint("heartbeat", story)).status_code == 302  # to the login
    reader = User.objects.create_user("reader", password="pw-for-tests")
    assert logged_in(reader).get(endpoint("autosave", story)).status_code == 302
    assert not EditingPresence.objects.exists()
    assert not Autosave.objects.exists()


def test_unknown_models_and_objects_are_not_found(jo, story):
    jo_client = logged_in(jo)
    assert jo_client.post(endpoint("heartbeat", story, model="auth.user")).status_code == 404
    missing = reverse("desk:heartbeat", args=["articles", "article", "999999"])
    assert jo_client.post(missing).status_code == 404
    assert jo_client.post(endpoint("heartbeat", None)).status_code == 404


def test_cleanup_forgets_old_presences_and_autosaves(jo, story):
    jo_client = logged_in(jo)
    with time_machine.travel(TEN_O_TWO, tick=False):
        beat(jo_client, story, enter="1")
        autosave(jo_client, story, {"headline": ["old"]})
    with time_machine.travel(TEN_O_TWO + timedelta(days=31), tick=False):
        call_command("desk_cleanup", "--dry-run")
        assert EditingPresence.objects.exists()
        call_command("desk_cleanup")
    assert not EditingPresence.objects.exists()
    assert not Autosave.objects.exists()
