"""The sister-sites block ({% sister_sites %}) and the footer's list ({% sister_site_names %})."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from tests.factories import make_sister_link, make_sister_site

pytestmark = pytest.mark.django_db


def render(tag):
    return Template(f"{{% load sister_sites %}}{{% {tag} %}}").render(Context())


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_links_come_pinned_first_then_newest(settings):
    settings.SISTER_LINKS_PER_SITE = 4
    site = make_sister_site(name="Nightshift", home_url="https://www.nightshift.example/")
    make_sister_link(site, title="Old news", published_at=days_ago(9))
    make_sister_link(site, title="Pinned list", published_at=days_ago(30), pinned=True)
    make_sister_link(site, title="Fresh news", published_at=days_ago(1))
    make_sister_link(site, title="Undated note", published_at=None)

    html = render("sister_sites")

    assert "More from our sister sites" in html
    positions = [
        html.index(title) for title in ("Pinned list", "Fresh news", "Old news", "Undated note")
    ]
    assert positions == sorted(positions)
    assert "nightshift.example</p>" in html
    assert 'href="https://www.nightshift.example/" rel="noopener">Nightshift' in html


def test_hidden_links_and_inactive_sites_are_left_out():
    site = make_sister_site(name="Courtside")
    make_sister_link(site, title="Shown headline")
    make_sister_link(site, title="Hidden headline", hidden=True)
    closed = make_sister_site(name="Closed Site", active=False)
    make_sister_link(closed, title="From a closed site")

    html = render("sister_sites")

    assert "Shown headline" in html
    assert "Hidden headline" not in html
    assert "Closed Site" not in html and "From a closed site" not in html


def test_each_site_shows_at_most_the_configured_number_of_links(settings):
    settings.SISTER_LINKS_PER_SITE = 2
    for name in ("Plated", "Courtside"):
        site = make_sister_site(name=name)
        for age in range(1, 5):
            make_sister_link(site, title=f"{name} story {age}", published_at=days_ago(age))

    html = render("sister_sites")

    for name in ("Plated", "Courtside"):
        assert f"{name} story 1" in html and f"{name} story 2" in html
        assert f"{name} story 3" not in html and f"{name} story 4" not in html


def test_sites_appear_in_their_order_and_a_site_without_links_is_left_out():
    second = make_sister_site(name="Second", order=2)
    first = make_sister_site(name="First", order=1)
    make_sister_site(name="Empty", order=0)
    make_sister_link(second, title="From second")
    make_sister_link(first, title="From first")

    html = render("sister_sites")

    assert html.index("From first") < html.index("From second")
    assert "Empty" not in html


def test_only_web_links_are_rendered():
    site = make_sister_site()
    make_sister_link(site, title="Script link", url="javascript:alert(1)")
    make_sister_link(site, title="File link", url="ftp://files.example/a.zip")
    make_sister_link(site, title="Web link", url="HTTPS://plated.example/story/")

    html = render("sister_sites")

    assert "Web link" in html
    assert "Script link" not in html and "javascript:" not in html
    assert "File link" not in html and "ftp:" not in html


def test_titles_are_escaped_and_links_marked_as_leaving_the_site():
    site = make_sister_site()
    make_sister_link(site, title="<script>alert('x')</script> Ten best", url="https://a.example/x")

    html = render("sister_sites")

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ten best" in html
    assert (
        'href="https://a.example/x" rel="noopener">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;'
        " Ten best"
        '<span class="visually-hidden"> (on another site)</span></a>'
    ) in html


def test_no_sites_render_nothing():
    assert render("sister_sites").strip() == ""
    assert render("sister_site_names").strip() == ""


@pytest.mark.parametrize("sites,links", [(1, 1), (6, 8)])
def test_the_block_runs_two_queries_however_many_sites_and_links(
    django_assert_num_queries, settings, sites, links
):
    """Guards the sliced prefetch: one query for the sites, one for all their links."""
    settings.SISTER_LINKS_PER_SITE = 4
    for _ in range(sites):
        site = make_sister_site()
        for age in range(links):
            make_sister_link(site, published_at=days_ago(age))

    with django_assert_num_queries(2):
        html = render("sister_sites")

    assert html.count('<li><a href="https://') == sites * min(links, 4)


def test_the_footer_lists_active_sites_with_links_to_their_home_pages():
    make_sister_site(name="Plated", home_url="https://plated.example/", order=2)
    make_sister_site(name="Nightshift", home_url="https://nightshift.example/", order=1)
    make_sister_site(name="Closed", active=False)
    make_sister_site(name="Odd scheme", home_url="ftp://odd.example/")

    html = render("sister_site_names")

    assert html.index("Nightshift") < html.index("Plated")
    assert '<a href="https://nightshift.example/" rel="noopener">Nightshift' in html
    assert "Closed" not in html
    assert "Odd scheme" not in html


def test_the_block_is_served_from_the_cache_after_the_first_page(django_assert_num_queries):
    site = make_sister_site(name="Plated")
    make_sister_link(site, title="First headline")
    render("sister_sites")
    render("sister_site_names")

    with django_assert_num_queries(0):
        html = render("sister_sites")
        names = render("sister_site_names") + render("sister_site_names")

    assert "First headline" in html and "Plated" in names


@pytest.mark.parametrize(
    "change",
    [
        "add a link",
        "hide a link",
        "delete a link",
        "pin a link",
        "deactivate the site",
        "rename the site",
        "reorder the sites",
    ],
)
def test_any_change_to_sites_or_links_clears_the_cached_block(settings, commit, change):
    settings.SISTER_LINKS_PER_SITE = 1
    site = make_sister_site(name="Plated", order=1)
    other = make_sister_site(name="Courtside", order=2)
    make_sister_link(other, title="Courtside headline")
    old = make_sister_link(site, title="Old headline", published_at=days_ago(3))
    older = make_sister_link(site, title="Older headline", published_at=days_ago(5))
    before = render("sister_sites")
    assert "Old headline" in before

    with commit():
        if change == "add a link":
            make_sister_link(site, title="Breaking headline", published_at=days_ago(0))
            expected, gone = "Breaking headline", "Old headline"
        elif change == "hide a link":
            old.hidden = True
            old.save()
            expected, gone = "Older headline", "Old headline"
        elif change == "delete a link":
            old.delete()
            expected, gone = "Older headline", "Old headline"
        elif change == "pin a link":
            older.pinned = True
            older.save()
            expected, gone = "Older headline", "Old headline"
        elif change == "deactivate the site":
            site.active = False
            site.save()
            expected, gone = "Courtside headline", "Old headline"
        elif change == "rename the site":
            site.name = "Plated Daily"
            site.save()
            expected, gone = "Plated Daily", None
        else:
            site.order = 3
            site.save()
            expected, gone = "Courtside headline", None

    after = render("sister_sites")
    assert expected in after
    if gone:
        assert gone not in after
    if change == "reorder the sites":
        assert after.index("Courtside") < after.index("Plated")
    if change in {"deactivate the site", "rename the site"}:
        assert (change == "rename the site") == ("Plated Daily" in render("sister_site_names"))


@pytest.mark.parametrize("page", ["home", "article"])
def test_pages_show_the_block_with_a_fixed_number_of_queries(client, settings, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_article

    settings.SISTER_LINKS_PER_SITE = 4
    story = make_article(live=True)
    path = "/" if page == "home" else story.get_absolute_url()

    def queries_with(sites, links):
        from django.core.cache import cache

        from sister_sites.models import SisterSite

        SisterSite.objects.all().delete()
        for _ in range(sites):
            site = make_sister_site()
            for age in range(links):
                make_sister_link(site, title=f"Headline {age}", published_at=days_ago(age))
        cache.clear()
        with CaptureQueriesContext(connection) as cold:
            response = client.get(path)
        assert response.content.decode().count("sister-site__links") == sites
        with CaptureQueriesContext(connection) as warm:
            client.get(path)
        return len(cold), len(warm)

    small, large = queries_with(1, 1), queries_with(6, 8)
    assert small == large
    cold, warm = large
    # Cold: the block's two queries, which also give the footer's list, and the
    # navigation's sections (cached alike); warm: none of them.
    assert cold - warm == 3
