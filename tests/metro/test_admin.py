"""Every admin page an editor uses renders, and the autocomplete endpoints answer."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.urls import reverse
from taggit.models import Tag

from films.models import Credit, Genre
from media.models import Keyword
from staff.models import FailedSignIn
from tests.factories import (
    make_article,
    make_credit,
    make_film,
    make_gallery,
    make_image,
    make_person,
    make_platform,
    make_section,
    make_sister_link,
    make_sister_site,
)

pytestmark = pytest.mark.django_db


def make_one(model):
    """One saved object of each model registered in the admin."""
    builders = {
        "article": lambda: make_article(live=True, authors=[make_person()]),
        "section": make_section,
        "person": make_person,
        "film": make_film,
        "platform": make_platform,
        "genre": lambda: Genre.objects.create(name="Thriller", slug="thriller"),
        "credit": lambda: make_credit(make_film(), make_person()),
        "image": make_image,
        "gallery": lambda: make_gallery([make_image(), make_image()]),
        "sistersite": make_sister_site,
        "sisterlink": lambda: make_sister_link(make_sister_site()),
        "tag": lambda: Tag.objects.create(name="Streaming", slug="streaming"),
        "keyword": lambda: Keyword.objects.create(name="Portrait", slug="portrait"),
        "user": lambda: None,
        "group": lambda: None,
        "accessattempt": lambda: AccessAttempt.objects.create(
            ip_address="203.0.113.9", username="someone", failures_since_start=3
        ),
        "failedsignin": lambda: FailedSignIn.objects.create(
            ip_address="203.0.113.9", username="Beyoncé", failures_since_start=3
        ),
        "accesslog": lambda: AccessLog.objects.create(ip_address="203.0.113.9", username="someone"),
        "accessfailurelog": lambda: AccessFailureLog.objects.create(
            ip_address="203.0.113.9", username="someone"
        ),
    }
    builder = builders.get(model._meta.model_name)
    obj = builder() if builder else None
    return obj or model._default_manager.first()


def registered_models():
    return [
        pytest.param(model, id=f"{model._meta.app_label}.{model._meta.model_name}")
        for model in admin.site._registry
    ]


@pytest.mark.parametrize("model", registered_models())
def test_every_admin_page_renders_for_an_editor(admin_client, editor_client, model):
    obj = make_one(model)
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    # Superusers see every model; editors see the newsroom's.
    client = (
        editor_client
        if opts.app_label in {"articles", "people", "films", "media"}
        else admin_client
    )

    assert client.get(reverse(f"{name}_changelist")).status_code == 200
    # django-axes' records of logins are made by logging in, never by hand.
    added_by_hand = not issubclass(model, (AccessAttempt, AccessLog, AccessFailureLog))
    assert client.get(reverse(f"{name}_add")).status_code == (200 if added_by_hand else 403)
    assert obj is not None, f"no {opts.model_name} to open"
    assert client.get(reverse(f"{name}_change", args=[obj.pk])).status_code == 200


def test_changelist_search_and_filters_work(editor_client):
    make_article(live=True, headline="Night Train review")
    make_article(headline="Unrelated")
    url = reverse("admin:articles_article_changelist")
    page = editor_client.get(url, {"q": "Night Train", "status__exact": "published"})
    assert page.status_code == 200
    assert [a.headline for a in page.context["cl"].result_list] == ["Night Train review"]


def test_article_changelist_shows_schedule_and_status(editor_client):
    make_article(live=True, headline="Live one")
    make_article(headline="Draft one")
    html = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "metro-status--live" in html
    assert "metro-status--draft" in html


@pytest.mark.parametrize(
    "app_label,model_name,field_name,make",
    [
        ("articles", "article", "people", lambda: make_person(name="Mara Quill")),
        ("articles", "article", "films", lambda: make_film(title="Mara's Night")),
        ("articles", "article", "hero_image", lambda: make_image(title="Mara on set")),
        ("articles", "article", "section", lambda: make_section(name="Mara Section")),
        ("films", "credit", "person", lambda: make_person(name="Mara Quill")),
        ("films", "film", "platform", lambda: make_platform(name="Marathon TV")),
    ],
)
def test_autocomplete_endpoints_answer(editor_client, app_label, model_name, field_name, make):
    obj = make()
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": app_label,
            "model_name": model_name,
            "field_name": field_name,
            "term": "Mara",
        },
    )
    assert response.status_code == 200
    assert str(obj.pk) in [result["id"] for result in response.json()["results"]]


def test_film_change_form_has_cast_inline(editor_client):
    film = make_film()
    make_credit(film, make_person(name="Ana Reyes"), character_name="Charlotte")
    html = editor_client.get(reverse("admin:films_film_change", args=[film.pk])).content.decode()
    assert "Cast and crew" in html
    assert "Charlotte" in html
    assert Credit.objects.count() == 1


def test_admin_header_reads_metro_editorial(editor_client):
    assert "Metro editorial" in editor_client.get(reverse("admin:index")).content.decode()


def test_sister_sites_show_how_their_last_refresh_went(editor_client):
    from django.utils import timezone

    from tests.factories import make_sister_site

    make_sister_site(
        name="Failing Site",
        feed_url="https://failing.example/feed/",
        last_refreshed_at=timezone.now(),
        last_refresh_ok=False,
        last_error="the feed answered HTTP 503 Service Unavailable",
    )
    make_sister_site(name="Working Site", feed_url="https://ok.example/feed/", last_refresh_ok=True)

    page = editor_client.get("/admin/sister_sites/sistersite/").content.decode()

    assert "Failing" in page and "the feed answered HTTP 503" in page
    assert "Working" in page


def test_the_refresh_action_fetches_the_selected_feeds(editor_client, settings):
    from sister_sites.models import SisterLink
    from tests.factories import make_sister_site
    from tests.feed_server import FeedServer

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Fresh from the feed</title><link>https://t.example/1</link></item>"
        b"</channel></rss>"
    )
    with FeedServer() as server:
        site = make_sister_site(name="Tested", feed_url=server.add("/feed", feed))
        response = editor_client.post(
            "/admin/sister_sites/sistersite/",
            {"action": "refresh_now", "_selected_action": [site.pk]},
            follow=True,
        )

    assert "Tested: 1 new, 0 updated" in response.content.decode()
    assert SisterLink.objects.get(site=site).title == "Fresh from the feed"


def test_a_new_feed_url_is_refreshed_once_the_site_is_saved(
    editor_client, django_capture_on_commit_callbacks
):
    from django.tasks import default_task_backend

    from sister_sites.models import SisterSite

    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/sister_sites/sistersite/add/",
            {
                "name": "Night Owl",
                "slug": "night-owl",
                "home_url": "https://owl.example/",
                "feed_url": "https://owl.example/feed/",
                "order": 0,
                "active": "on",
                "links-TOTAL_FORMS": 0,
                "links-INITIAL_FORMS": 0,
            },
        )
    assert response.status_code == 302
    site = SisterSite.objects.get(slug="night-owl")
    [queued] = default_task_backend.results
    assert queued.task.name == "refresh_sister_sites"
    assert queued.args == [[site.pk]]


def test_sister_links_must_be_web_addresses(editor_client):
    from tests.factories import make_sister_site

    site = make_sister_site()
    response = editor_client.post(
        "/admin/sister_sites/sisterlink/add/",
        {"site": site.pk, "title": "Sneaky", "url": "javascript:alert(1)//x.example"},
    )
    assert response.status_code == 200
    assert "Enter a valid URL" in response.content.decode()


def test_saving_a_site_whose_feed_drips_header_lines_is_answered_within_the_feed_time_limit(
    editor_client, settings, django_capture_on_commit_callbacks
):
    import time

    from sister_sites.models import SisterSite
    from tests.feed_server import FeedServer, header_drip

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SISTER_FEED_TIMEOUT = 2
    with FeedServer() as server:
        feed_url = server.add("/drip", header_drip(1.0, lines=10))
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(
                "/admin/sister_sites/sistersite/add/",
                {
                    "name": "Slow Drip",
                    "slug": "slow-drip",
                    "home_url": "https://drip.example/",
                    "feed_url": feed_url,
                    "order": 0,
                    "active": "on",
                    "links-TOTAL_FORMS": 0,
                    "links-INITIAL_FORMS": 0,
                },
            )
        seconds = time.monotonic() - started

    assert seconds < 2.8
    site = SisterSite.objects.get(slug="slow-drip")
    assert site.last_error == "the feed did not answer within 2 s"


def test_refreshing_many_slow_sites_from_the_admin_takes_one_time_limit_in_all(
    editor_client, settings
):
    import time

    from tests.factories import make_sister_site
    from tests.feed_server import FeedServer, header_drip

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.SISTER_FEED_TIMEOUT = 2
    with FeedServer() as server:
        sites = [
            make_sister_site(name=f"Slow {n}", feed_url=server.add(f"/{n}", header_drip(1.0)))
            for n in range(3)
        ]
        started = time.monotonic()
        response = editor_client.post(
            "/admin/sister_sites/sistersite/",
            {"action": "refresh_now", "_selected_action": [site.pk for site in sites]},
            follow=True,
        )
        seconds = time.monotonic() - started

    assert seconds < 2.8
    page = response.content.decode()
    assert "Slow 0: failed, the feed did not answer within 2 s" in page
    assert "Slow 2: not refreshed now, out of time (the next refresh will)" in page


def test_saving_a_site_with_a_feed_on_the_metadata_address_says_it_is_refused(
    editor_client, settings, django_capture_on_commit_callbacks
):
    from sister_sites.models import SisterSite

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/sister_sites/sistersite/add/",
            {
                "name": "Sneaky",
                "slug": "sneaky",
                "home_url": "https://sneaky.example/",
                "feed_url": "http://169.254.169.254/latest/meta-data/iam/",
                "order": 0,
                "active": "on",
                "links-TOTAL_FORMS": 0,
                "links-INITIAL_FORMS": 0,
            },
        )
    # The site list shows each site's last error (the message of the save itself is
    # added by the on-commit refresh, which the test's transaction delays past the response).
    page = editor_client.get(response.url).content.decode()

    refusal = (
        "the feed leads to 169.254.169.254, a link-local address (where cloud metadata "
        "services answer): the server does not fetch internal addresses"
    )
    assert SisterSite.objects.get(slug="sneaky").last_error == refusal
    assert refusal in page


def test_refreshing_a_feed_on_a_private_address_tells_the_editor_why_it_was_refused(
    editor_client, settings
):
    from tests.factories import make_sister_site

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    site = make_sister_site(name="Intranet", feed_url="http://10.0.0.7/feed.xml")

    response = editor_client.post(
        "/admin/sister_sites/sistersite/",
        {"action": "refresh_now", "_selected_action": [site.pk]},
        follow=True,
    )

    assert (
        "Intranet: failed, the feed leads to 10.0.0.7, a private network address: "
        "the server does not fetch internal addresses"
    ) in response.content.decode()
