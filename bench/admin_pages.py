"""The editors' admin pages at newsroom scale: median time and query count per page.

    python -m bench.admin_pages [--size 100000] [--runs 15]   (make bench-admin)

Uses metro_bench_<size> (bench.data builds it: the demo newsroom plus a
generated archive) on the machine's PostgreSQL, and a redis-server of its own.
Each page is requested in this process with Django's test client, logged in as
an editor, DEBUG off; the first request of each page warms it and is not timed.
It prints: page, median ms over the runs, queries. The target is under 300 ms
with a query count that does not grow with the archive.
"""

import argparse
import os
import statistics
import sys
import time

from bench import data
from bench.pages import BENCH_DIR
from bench.private_services import PrivateRedis

TARGET_MS = 300


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="stories in the archive")
    parser.add_argument("--runs", type=int, default=15, help="timed requests per page")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument(
        "--show-queries", metavar="PAGE", help="also print each query of the pages named so"
    )
    parser.add_argument(
        "--build-only", action="store_true", help="make sure the database exists, then stop"
    )
    return parser.parse_args(argv)


def configure(size, redis_url):
    """Environment for manage.py and for Django in this process."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.admin_settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-admin-pages-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": redis_url,
        "DATABASE_URL": data.database_url(size),
        "MEDIA_ROOT": str(BENCH_DIR / f"media-{size}"),
        "PAGE_CACHE_SECONDS": "0",
    }
    return env


def editor_pages():
    """(name, path) of every admin page an editor uses, against the archive's own rows."""
    from django.urls import reverse

    from articles.models import Article, Section
    from films.models import Film
    from people.models import Person

    story = Article.objects.order_by("-pk").only("pk").first()
    person = Person.objects.order_by("-pk").only("pk").first()
    film = Film.objects.order_by("-pk").only("pk").first()
    section = Section.objects.order_by("pk").only("pk").first()
    stories = reverse("admin:articles_article_changelist")
    autocomplete = reverse("admin:autocomplete")

    def complete(app, model, field, term):
        return f"{autocomplete}?app_label={app}&model_name={model}&field_name={field}&term={term}"

    return [
        ("desk home", reverse("admin:index")),
        ("story list", stories),
        ("story list: drafts", f"{stories}?status__exact=draft"),
        ("story list: in review", f"{stories}?status__exact=review"),
        ("story list: published", f"{stories}?status__exact=published"),
        ("story list: section", f"{stories}?section__id__exact={section.pk}"),
        ("story list: featured", f"{stories}?featured__exact=1"),
        ("story list: past 7 days", f"{stories}?{past_week()}"),
        ("story list: assigned to me", f"{stories}?assigned=me"),
        ("story list: search", f"{stories}?q=film"),
        ("story list: page 50", f"{stories}?p=50"),
        ("story form (add)", reverse("admin:articles_article_add")),
        ("story form", reverse("admin:articles_article_change", args=[story.pk])),
        ("person list", reverse("admin:people_person_changelist")),
        ("person form", reverse("admin:people_person_change", args=[person.pk])),
        ("film list", reverse("admin:films_film_changelist")),
        ("film form", reverse("admin:films_film_change", args=[film.pk])),
        ("image library", reverse("admin:media_image_changelist")),
        ("autocomplete: people", complete("articles", "article", "people", "an")),
        ("autocomplete: films", complete("articles", "article", "films", "the")),
        ("autocomplete: images", complete("articles", "article", "hero_image", "a")),
        ("autocomplete: section", complete("articles", "article", "section", "")),
    ]


def past_week():
    """The story list's "Past 7 days" filter, as its link says it."""
    from datetime import timedelta
    from urllib.parse import urlencode

    from django.utils import timezone

    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return urlencode(
        {
            "publish_at__gte": str(today - timedelta(days=7)),
            "publish_at__lt": str(today + timedelta(days=1)),
        }
    )


def editor_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "email": "bench@example.com"}
    )
    editors = Group.objects.filter(name__iexact="editors").first()
    if editors is not None:
        user.groups.add(editors)
    else:
        user.is_superuser = True
        user.save()
    client = Client()
    client.force_login(user)
    return client


def time_page(client, path, runs, show_queries=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            if response.status_code == 200 and hasattr(response, "render"):
                response.render()
            timings.append((time.perf_counter() - started) * 1000)
    if show_queries:
        for query in queries.captured_queries:
            print(f"    {float(query['time']) * 1000:8.1f} ms  {query['sql'][:300]}")
    return statistics.median(timings), len(queries)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    data.check_postgres()
    private_redis = PrivateRedis()
    private_redis.start()
    try:
        env = configure(args.size, private_redis.url)
        data.ensure_database(args.size, env, BENCH_DIR / f"media-{args.size}", args.rebuild)
        if args.build_only:
            return 0
        os.environ.update(env)
        import django

        django.setup()
        from articles.models import Article

        client = editor_client()
        stories = Article.objects.count()
        print(f"\nAdmin pages, {stories:,} stories, editor, median of {args.runs} runs\n")
        print(f"{'page':<30} {'median ms':>10} {'queries':>8}")
        slow = 0
        for name, path in editor_pages():
            show = bool(args.show_queries) and args.show_queries in name
            median, queries = time_page(client, path, args.runs, show)
            flag = "" if median < TARGET_MS else "  SLOW"
            slow += bool(flag)
            print(f"{name:<30} {median:>10.1f} {queries:>8}{flag}")
        print(f"\n{slow} page(s) over {TARGET_MS} ms.")
        return 0
    finally:
        private_redis.stop()


if __name__ == "__main__":
    sys.exit(main())
