"""refresh_sister_sites against real feeds served on 127.0.0.1: good ones, and every kind of bad one."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sister_sites.feeds import refresh_sites
from sister_sites.models import SisterLink, SisterSite
from tests.factories import make_sister_link, make_sister_site
from tests.feed_server import FeedServer, endless, hang, header_drip, trickle

pytestmark = pytest.mark.django_db

GOOD_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Nightshift</title><link>https://nightshift.example/</link>
<item>
  <title>Ten thrillers worth staying up for &amp; one to skip</title>
  <link>https://nightshift.example/ten-thrillers/</link>
  <guid isPermaLink="false">nightshift-101</guid>
  <pubDate>Mon, 23 Nov 2026 14:00:00 +0000</pubDate>
  <media:content url="https://nightshift.example/img/ten.jpg" medium="image" width="1200" height="675"/>
</item>
<item>
  <title><![CDATA[The <em>late</em> show returns]]></title>
  <link>/late-show/</link>
  <guid isPermaLink="false">nightshift-102</guid>
  <pubDate>Sun, 22 Nov 2026 09:30:00 +0000</pubDate>
  <enclosure url="https://nightshift.example/img/late.jpg" type="image/jpeg" length="1000"/>
</item>
</channel></rss>"""

GOOD_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Plated</title><id>tag:plated.example,2026:feed</id><updated>2026-11-24T08:00:00Z</updated>
<entry>
  <title type="html">Caf&amp;eacute; society: the best bakeries</title>
  <id>tag:plated.example,2026:bakeries</id>
  <link rel="alternate" href="https://plated.example/bakeries/"/>
  <link rel="enclosure" type="image/png" href="https://plated.example/img/bread.png"/>
  <published>2026-11-24T07:00:00Z</published>
  <updated>2026-11-24T08:00:00Z</updated>
</entry>
</feed>"""

GOOD_RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://courtside.example/"><title>Courtside</title>
<link>https://courtside.example/</link></channel>
<item rdf:about="https://courtside.example/final/"><title>The final, point by point</title>
<link>https://courtside.example/final/</link><dc:date>2026-11-20T21:00:00Z</dc:date></item>
</rdf:RDF>"""


def rss(*items):
    body = "".join(
        f"<item>{''.join(f'<{tag}>{value}</{tag}>' for tag, value in item.items())}</item>"
        for item in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'.encode()


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture(autouse=True)
def quick_limits(settings):
    settings.SISTER_FEED_TIMEOUT = 1.5
    settings.SISTER_FEED_MAX_BYTES = 1024 * 1024


def site_for(server, path, body, **kwargs):
    return make_sister_site(feed_url=server.add(path, body, **kwargs))


def refresh(*sites):
    return refresh_sites(sites)


def links(site):
    return list(SisterLink.objects.filter(site=site).order_by("-published_at", "-pk"))


def test_an_rss_feed_becomes_links_with_titles_dates_and_images(server):
    site = site_for(server, "/rss", GOOD_RSS)

    [outcome] = refresh(site)

    assert outcome.ok and outcome.created == 2
    first, second = links(site)
    assert first.title == "Ten thrillers worth staying up for & one to skip"
    assert first.url == "https://nightshift.example/ten-thrillers/"
    assert first.guid == "nightshift-101"
    assert first.published_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    assert first.image_url == "https://nightshift.example/img/ten.jpg"
    assert first.source == SisterLink.Source.FEED
    # Markup stripped from titles; relative links made absolute against the feed's address.
    assert second.title == "The late show returns"
    assert second.url == server.url("/late-show/")
    assert second.image_url == "https://nightshift.example/img/late.jpg"

    site.refresh_from_db()
    assert site.last_refresh_ok is True
    assert site.last_error == ""
    assert site.last_refreshed_at and site.last_success_at


def test_atom_and_rss_1_feeds_are_read_too(server):
    plated = site_for(server, "/atom", GOOD_ATOM)
    courtside = site_for(server, "/rdf", GOOD_RSS1, content_type="application/rdf+xml")

    assert all(outcome.ok for outcome in refresh(plated, courtside))

    [bakeries] = links(plated)
    assert bakeries.title == "Café society: the best bakeries"
    assert bakeries.guid == "tag:plated.example,2026:bakeries"
    assert bakeries.url == "https://plated.example/bakeries/"
    assert bakeries.image_url == "https://plated.example/img/bread.png"
    [final] = links(courtside)
    assert final.url == "https://courtside.example/final/"
    assert final.published_at == datetime(2026, 11, 20, 21, 0, tzinfo=UTC)


def test_a_second_refresh_updates_known_items_instead_of_adding_them_again(server):
    site = site_for(server, "/rss", GOOD_RSS)
    refresh(site)
    server.add(
        "/rss",
        GOOD_RSS.replace(b"Ten thrillers", b"Eleven thrillers").replace(
            b"/ten-thrillers/", b"/eleven-thrillers/"
        ),
    )

    [outcome] = refresh(site)

    assert (outcome.created, outcome.updated) == (0, 1)
    assert SisterLink.objects.filter(site=site).count() == 2
    renamed = SisterLink.objects.get(site=site, guid="nightshift-101")
    assert renamed.title.startswith("Eleven thrillers")
    assert renamed.url == "https://nightshift.example/eleven-thrillers/"


def test_items_without_an_id_are_matched_by_their_address(server):
    feed = rss({"title": "First title", "link": "https://a.example/1"})
    site = site_for(server, "/plain", feed)
    refresh(site)
    server.add("/plain", feed.replace(b"First title", b"Better title"))

    refresh(site)

    [link] = links(site)
    assert link.title == "Better title"


def test_pinned_hidden_and_hand_made_links_are_respected(server):
    site = site_for(server, "/rss", GOOD_RSS)
    refresh(site)
    hidden = SisterLink.objects.get(guid="nightshift-101")
    hidden.hidden = True
    hidden.save()
    pinned = SisterLink.objects.get(guid="nightshift-102")
    pinned.pinned = True
    pinned.save()
    manual = make_sister_link(
        site, title="Our own pick", url="https://nightshift.example/ten-thrillers-2/"
    )

    refresh(site)

    assert SisterLink.objects.filter(site=site).count() == 3
    hidden.refresh_from_db()
    pinned.refresh_from_db()
    manual.refresh_from_db()
    assert hidden.hidden and pinned.pinned
    assert manual.title == "Our own pick" and manual.source == SisterLink.Source.MANUAL


def test_a_hand_made_link_to_the_same_story_keeps_its_title(server):
    site = site_for(server, "/rss", GOOD_RSS)
    manual = make_sister_link(
        site, title="Editor's headline", url="https://nightshift.example/ten-thrillers/"
    )

    refresh(site)

    manual.refresh_from_db()
    assert manual.title == "Editor's headline"
    assert SisterLink.objects.filter(site=site).count() == 2


def test_old_feed_links_are_forgotten_but_pinned_and_hidden_ones_stay(server, settings):
    settings.SISTER_LINKS_KEPT = 3
    site = make_sister_site()
    old = timezone.now() - timedelta(days=400)
    kept_pinned = make_sister_link(site, published_at=old, pinned=True)
    kept_hidden = make_sister_link(site, published_at=old, hidden=True)
    for number in range(5):
        SisterLink.objects.create(
            site=site,
            title=f"Old {number}",
            url=f"https://old.example/{number}",
            published_at=old,
            source=SisterLink.Source.FEED,
        )
    site.feed_url = server.add("/rss", GOOD_RSS)
    site.save()

    refresh(site)

    remaining = set(SisterLink.objects.filter(site=site).values_list("title", flat=True))
    assert kept_pinned.title in remaining and kept_hidden.title in remaining
    assert len([title for title in remaining if title.startswith("Old ")]) == 1
    assert len(remaining) == 5


def test_an_unchanged_feed_is_asked_for_with_its_validators_and_costs_nothing(server):
    site = site_for(server, "/rss", GOOD_RSS, headers={"ETag": '"v1"'})
    refresh(site)
    site.refresh_from_db()
    assert site.feed_etag == '"v1"'
    server.add("/rss", b"", status=304)

    [outcome] = refresh(site)

    assert outcome.ok and outcome.created == outcome.updated == 0
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert SisterLink.objects.filter(site=site).count() == 2


BAD_FEEDS = {
    "an error status": ("/broken", {"body": b"oops", "status": 500}, "HTTP 500"),
    "not XML": (
        "/html",
        {"body": b"<html><body>Hello</body></html>", "content_type": "text/html"},
        "not an RSS or Atom feed",
    ),
    "binary garbage": ("/garbage", {"body": b"\x00\x01\x02 {}"}, "not an RSS or Atom feed"),
    "an empty body": ("/empty-body", {"body": b""}, "not an RSS or Atom feed"),
    "a wrong encoding": (
        "/latin",
        {
            "body": rss({"title": "Caf\xe9", "link": "https://a.example/1"})
            .decode()
            .encode("latin-1")
        },
        "encoding",
    ),
    "entries without links": (
        "/nolinks",
        {"body": rss({"title": "No link"}, {"title": "Nor here"})},
        "no usable items",
    ),
    "no entries at all": ("/empty", {"body": rss()}, "no items"),
    "only script and data links": (
        "/schemes",
        {
            "body": rss(
                {"title": "Click", "link": "javascript:alert(1)"},
                {"title": "Data", "link": "data:text/html,hi"},
            )
        },
        "no usable items",
    ),
    "a declared 50 MB body": (
        "/declared-huge",
        {"body": b"x", "headers": {"Content-Length": str(50 * 1024 * 1024)}},
        "too large",
    ),
    "a 50 MB body": ("/endless", {"body": endless}, "larger than"),
    "no answer": ("/hang", {"body": hang}, "within"),
    "a trickle that never ends": ("/trickle", {"body": trickle}, "took longer than"),
}


@pytest.mark.parametrize("case", BAD_FEEDS, ids=list(BAD_FEEDS))
def test_a_bad_feed_is_recorded_and_the_sites_links_stay_as_they_were(server, case):
    path, route, message = BAD_FEEDS[case]
    site = make_sister_site(feed_url=server.add(path, **route))
    kept = make_sister_link(site, title="Kept headline", pinned=True)
    also = make_sister_link(site, title="Also kept")
    good = site_for(server, "/good", GOOD_RSS)

    failed, worked = refresh(site, good)

    assert not failed.ok and message in failed.error
    assert worked.ok and worked.created == 2
    site.refresh_from_db()
    assert site.last_refresh_ok is False
    assert message in site.last_error
    assert site.last_success_at is None
    assert list(SisterLink.objects.filter(site=site).order_by("pk")) == [kept, also]
    assert SisterLink.objects.get(pk=kept.pk).title == "Kept headline"


def test_a_redirect_loop_is_an_error(server):
    loop = server.add("/loop", b"", status=302, headers={"Location": "/loop"})
    site = make_sister_site(feed_url=loop)

    [outcome] = refresh(site)

    assert not outcome.ok and "redirect" in outcome.error


def test_a_redirect_to_a_feed_is_followed(server):
    server.add("/new-home", GOOD_RSS)
    site = make_sister_site(
        feed_url=server.add("/old-home", b"", status=301, headers={"Location": "/new-home"})
    )

    [outcome] = refresh(site)

    assert outcome.ok and outcome.created == 2


def test_unusable_items_are_skipped_and_the_rest_kept(server):
    feed = rss(
        {"title": "&lt;script&gt;alert(1)&lt;/script&gt;Safe words", "link": "https://a.example/1"},
        {"title": "Sneaky", "link": "javascript:alert(1)"},
        {"title": "No date", "link": "https://a.example/2"},
        {"link": "https://a.example/untitled"},
    )
    site = site_for(server, "/mixed", feed)
    before = timezone.now()

    [outcome] = refresh(site)

    assert outcome.ok and (outcome.created, outcome.skipped) == (2, 2)
    stored = {link.url: link for link in links(site)}
    assert set(stored) == {"https://a.example/1", "https://a.example/2"}
    assert stored["https://a.example/1"].title == "Safe words"
    # Undated items are dated when first seen, so they still show among the newest.
    assert stored["https://a.example/2"].published_at >= before


def test_the_command_refreshes_every_active_site_and_fails_only_if_all_fail(server, capsys):
    good = site_for(server, "/good", GOOD_RSS)
    bad = site_for(server, "/bad", b"nope", status=503)
    make_sister_site(feed_url=server.add("/inactive", GOOD_RSS), active=False)
    make_sister_site(feed_url="")

    call_command("refresh_sister_sites")

    output = capsys.readouterr().out
    assert f"{good.name}: 2 new, 0 updated" in output
    assert f"{bad.name}: failed, the feed answered HTTP 503" in output
    assert "1 of 2 sites failed" in output
    assert [path for path, _ in server.requests] == ["/good", "/bad"]

    good.active = False
    good.save()
    with pytest.raises(CommandError, match="Every sister site failed"):
        call_command("refresh_sister_sites")


def test_the_command_refreshes_one_site_by_slug(server, capsys):
    one = site_for(server, "/one", GOOD_RSS)
    site_for(server, "/two", GOOD_ATOM)

    call_command("refresh_sister_sites", site=one.slug)

    assert [path for path, _ in server.requests] == ["/one"]
    with pytest.raises(CommandError, match="No sister site has the slug"):
        call_command("refresh_sister_sites", site="nope")


def test_the_command_with_nothing_to_refresh_says_so(capsys):
    call_command("refresh_sister_sites")
    assert "nothing to refresh" in capsys.readouterr().out


def test_the_refresh_task_runs_through_the_tasks_framework(server, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    from sister_sites.tasks import refresh_sister_sites

    site = site_for(server, "/rss", GOOD_RSS)
    result = refresh_sister_sites.enqueue([site.pk])

    assert result.return_value == [f"{site.name}: 2 new, 0 updated"]
    assert SisterLink.objects.filter(site=site).count() == 2


def test_sites_keep_their_refresh_record(server):
    site = site_for(server, "/rss", GOOD_RSS)
    refresh(site)
    server.add("/rss", b"down", status=502)

    refresh(site)

    site = SisterSite.objects.get(pk=site.pk)
    assert site.last_refresh_ok is False
    assert "HTTP 502" in site.last_error
    assert site.last_success_at is not None and site.last_success_at <= site.last_refreshed_at


def test_a_feed_dripping_header_lines_fails_within_the_time_limit(server, settings):
    settings.SISTER_FEED_TIMEOUT = 2
    site = site_for(server, "/drip", header_drip(1.0, lines=10, body=GOOD_RSS))
    started = time.monotonic()

    [outcome] = refresh(site)

    assert time.monotonic() - started < 2.8
    assert not outcome.ok and outcome.error == "the feed did not answer within 2 s"


def test_a_batch_with_a_time_limit_postpones_the_sites_it_has_no_time_for(server, settings):
    settings.SISTER_FEED_TIMEOUT = 2
    slow = site_for(server, "/drip", header_drip(1.0, lines=10, body=GOOD_RSS))
    later = site_for(server, "/good", GOOD_RSS)
    started = time.monotonic()

    first, second = refresh_sites([slow, later], time_limit=2)

    assert time.monotonic() - started < 2.8
    assert not first.ok and "within 2 s" in first.error
    assert second.postponed and str(second) == (
        f"{later.name}: not refreshed now, out of time (the next refresh will)"
    )
    later.refresh_from_db()
    assert later.last_refreshed_at is None  # Not tried, so nothing to record.
    assert [path for path, _ in server.requests] == ["/drip"]


def test_a_feed_on_an_internal_address_is_refused_and_the_reason_recorded(server, settings):
    settings.METRO_FETCH_ALLOW_PRIVATE = []
    site = site_for(server, "/rss", GOOD_RSS)

    [outcome] = refresh(site)

    refusal = (
        "the feed leads to 127.0.0.1, a loopback address: "
        "the server does not fetch internal addresses"
    )
    assert not outcome.ok and outcome.error == refusal
    site.refresh_from_db()
    assert site.last_error == refusal
    assert server.requests == []


def test_a_redirect_to_a_script_address_is_reported_as_such(server):
    site = make_sister_site(
        feed_url=server.add("/js", b"", status=302, headers={"Location": "javascript:alert(1)"})
    )

    [outcome] = refresh(site)

    assert outcome.error == "the feed redirects to a non-web address (javascript:alert(1))"


def test_an_item_dated_in_the_far_future_is_dated_when_first_seen_and_stays_so(server):
    feed = rss(
        {
            "title": "Forever on top",
            "link": "https://a.example/9999",
            "pubDate": "Fri, 31 Dec 9999 23:59:59 +0000",
        },
        {
            "title": "Last week",
            "link": "https://a.example/old",
            "pubDate": "Mon, 23 Nov 2026 14:00:00 +0000",
        },
    )
    site = site_for(server, "/future", feed)
    before = timezone.now()

    refresh(site)

    future = SisterLink.objects.get(url="https://a.example/9999")
    assert before <= future.published_at <= timezone.now()
    refresh(site)  # Later refreshes do not move it up again.
    assert SisterLink.objects.get(pk=future.pk).published_at == future.published_at


def test_an_unusable_link_drops_the_item_and_an_id_is_a_link_only_if_absolute(server):
    feed = rss(
        {"title": "Script link", "link": "javascript:alert(1)", "guid": "https://a.example/s"},
        {"title": "Relative id", "guid": "story-42"},
        {"title": "Permalink id", "guid": "https://a.example/permalink"},
        {"title": "Relative link", "link": "/kept/", "guid": "story-43"},
    )
    site = site_for(server, "/ids", feed)

    [outcome] = refresh(site)

    assert (outcome.created, outcome.skipped) == (2, 2)
    stored = {link.title: (link.url, link.guid) for link in links(site)}
    assert stored == {
        "Permalink id": ("https://a.example/permalink", "https://a.example/permalink"),
        "Relative link": (server.url("/kept/"), "story-43"),
    }


LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
ENTITY_FEEDS = {
    "billion laughs": (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{LAUGHS}]>'
        '<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>&lol9;</title><link>https://a.example/1</link></item></channel></rss>"
    ).encode(),
    # Entities feedparser itself keeps (a plain value), used a great many times.
    "one big entity used often": (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{"x" * 100}">]>'
        '<rss version="2.0"><channel><title>T</title>'
        + "".join(
            f"<item><title>{'&a;' * 3000}</title><link>https://a.example/{n}</link></item>"
            for n in range(100)
        )
        + "</channel></rss>"
    ).encode(),
    "external entities": (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>&secret;</title><link>https://a.example/1</link></item></channel></rss>"
    ),
    "declarations in ill-formed XML": (
        b' <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>'
        b'<rss version="2.0"><channel><title>T & Co</title>'
        b"<item><title>&a;&a;</title><link>https://a.example/1</link></item></channel></rss>"
    ),
    "UTF-16": (
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "aaaa">]>'
        '<rss version="2.0"><channel><title>T</title>'
        "<item><title>&a;</title><link>https://a.example/1</link></item></channel></rss>"
    ).encode("utf-16"),
}


@pytest.mark.parametrize("case", ENTITY_FEEDS, ids=list(ENTITY_FEEDS))
def test_feeds_declaring_xml_entities_are_refused_before_parsing(server, case):
    site = site_for(server, "/entities", ENTITY_FEEDS[case])
    started = time.monotonic()

    [outcome] = refresh(site)

    assert time.monotonic() - started < 1
    assert outcome.error == (
        "the feed declares XML entities, which are refused (they can expand without limit)"
    )
    assert not SisterLink.objects.filter(site=site).exists()


def test_a_doctype_without_entities_is_still_read(server):
    netscape = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        b'<rss version="0.91"><channel><title>Old</title><language>en</language>'
        b"<item><title>Days of 0.91</title><link>https://old.example/1</link></item>"
        b"</channel></rss>"
    )
    site = site_for(server, "/netscape", netscape)

    [outcome] = refresh(site)

    assert outcome.ok and links(site)[0].title == "Days of 0.91"
