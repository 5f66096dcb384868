"""Setting the stage: the drills' database, the demo newsroom, an editor, and instances A and B."""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass, field

from bench.drills import DrillError
from bench.drills.client import fetch
from bench.drills.instances import Instance
from bench.drills.report import banner
from bench.drills.services import DRILL_DATABASE, Services
from bench.servers import HOST, REPO, port_in_use

EDITOR_USERNAME = "drill-editor"

# Variables of the calling shell that would change how the instances run.
ENV_DROPPED = [
    "BIND",
    "PORT",
    "GUNICORN_CONTROL_SOCKET",
    "ADMIN_URL",
    "DATABASE_CONN_MAX_AGE",
    "LOG_FORMAT",
    "USE_X_FORWARDED_HOST",
    "TRUSTED_PROXY_COUNT",
    "CSRF_TRUSTED_ORIGINS",
    "DJANGO_SETTINGS_MODULE",
]

# Run with `manage.py shell -c` under the drills' settings: the editor, and what
# the drills need from the database.
FACTS_SNIPPET = """
import json, os
from django.contrib.auth import get_user_model
from django.urls import reverse
from articles.models import Article, Section
from films.models import Film
from sister_sites.models import SisterLink
from sister_sites.templatetags.sister_sites import WEB_URL
from people.models import Person

User = get_user_model()
editor, _ = User.objects.get_or_create(username=os.environ["DRILLS_EDITOR"])
editor.is_staff = editor.is_superuser = editor.is_active = True
editor.set_password(os.environ["DRILLS_PASSWORD"])
editor.save()

live = list(Article.objects.live().select_related("section").order_by("-publish_at", "-pk")[:4])
paths = ["/"]
paths += [section.get_absolute_url() for section in Section.objects.order_by("order", "name")[:2]]
paths += [story.get_absolute_url() for story in live]
person = Person.objects.filter(articles__in=Article.objects.live()).first()
film = Film.objects.filter(articles__in=Article.objects.live()).first()
paths += [thing.get_absolute_url() for thing in (person, film) if thing is not None]
tag = Article.tags.most_common().first()
if tag is not None:
    paths.append(reverse("articles:tag", kwargs={"slug": tag.slug}))
word = next((w for w in live[0].headline.split() if len(w) > 3 and w.isalpha()), "film") if live else "film"
paths.append(reverse("articles:search") + "?q=" + word.lower())
paths.append(reverse("articles:feed", kwargs={"kind": "rss"}))
paths.append(reverse("sitemap-index"))

drafts = Article.objects.filter(status=Article.Status.DRAFT).select_related("section")
draft = drafts.filter(first_published_at__isnull=True).order_by("pk").first() or drafts.order_by("pk").first()
link = SisterLink.objects.visible().filter(WEB_URL).select_related("site").first()
print("DRILLS-FACTS " + json.dumps({
    "paths": list(dict.fromkeys(paths)),
    "draft": draft and {"id": draft.pk, "url": draft.get_absolute_url(), "headline": draft.headline},
    "link": link and {"id": link.pk, "title": link.title, "site": link.site.name},
}))
"""


@dataclass
class Context:
    args: argparse.Namespace
    services: Services
    env: dict
    a: "Instance"
    b: "Instance"
    password: str
    facts: dict
    paths: list = field(default_factory=list)


def drills_env(args, workdir, services):
    env = {key: value for key, value in os.environ.items() if key not in ENV_DROPPED}
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://{HOST}:{args.port_a}",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": services.database_url(),
            "REDIS_URL": services.redis.url,
            "WEB_CONCURRENCY": "2",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env, *arguments, timeout=300):
    command = [sys.executable, "manage.py", *arguments]
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise DrillError(f"manage.py {arguments[0]} failed:\n" + "\n".join(output[-20:]))
    return result.stdout


def set_up(args, workdir, report, instances, services):
    banner("Set-up")
    for port in (args.port_a, args.port_b):
        if port_in_use(port):
            raise DrillError(f"port {port} is in use; choose others with --port-a/--port-b")
    env = drills_env(args, workdir, services)
    password = secrets.token_urlsafe(18)
    steps = {}

    started = time.monotonic()
    with services.pg_connect() as connection:
        connection.execute(f'CREATE DATABASE "{DRILL_DATABASE}"')
    steps["database"] = time.monotonic() - started

    for label, arguments in [
        ("migrate", ["migrate", "--noinput"]),
        ("collectstatic", ["collectstatic", "--noinput", "-v", "0"]),
        ("load_demo --force", ["load_demo", "--force"]),
    ]:
        started = time.monotonic()
        manage(env, *arguments)
        steps[label] = time.monotonic() - started

    started = time.monotonic()
    output = manage(
        {**env, "DRILLS_EDITOR": EDITOR_USERNAME, "DRILLS_PASSWORD": password},
        "shell",
        "-c",
        FACTS_SNIPPET,
    )
    facts_line = next(
        (line for line in output.splitlines() if line.startswith("DRILLS-FACTS ")), None
    )
    if facts_line is None:
        raise DrillError(f"the facts snippet printed nothing usable:\n{output[-2000:]}")
    facts = json.loads(facts_line.removeprefix("DRILLS-FACTS "))
    steps["editor and facts"] = time.monotonic() - started

    a = Instance("A", args.port_a, env, workdir)
    b = Instance("B", args.port_b, env, workdir)
    started = time.monotonic()
    for instance in (a, b):
        instances.append(instance)
        instance.start()
    a.wait_ready()
    b.wait_ready()
    steps["two gunicorn instances up"] = time.monotonic() - started

    context = Context(
        args=args, services=services, env=env, a=a, b=b, password=password, facts=facts
    )
    context.paths = checked_paths(a, facts["paths"])
    for label, seconds in steps.items():
        print(f"  {label:<28} {seconds:6.1f} s")
    print(
        f"  private PostgreSQL on 127.0.0.1:{services.postgres.port} "
        f"({services.postgres.folder}), private Redis on 127.0.0.1:{services.redis.port}"
    )
    print(
        f"  instance A: 127.0.0.1:{a.port} (master pid {a.pid}), B: 127.0.0.1:{b.port} "
        f"(master pid {b.pid}), {env['WEB_CONCURRENCY']} sync workers each"
    )
    print(
        f"  load: {args.threads} threads over {len(context.paths)} public paths: "
        + " ".join(context.paths)
    )
    report["setup"] = {
        "seconds": {label: round(seconds, 2) for label, seconds in steps.items()},
        "paths": context.paths,
        "draft": facts["draft"],
        "sister_link": facts["link"],
        "workdir": str(workdir),
    }
    return context


def checked_paths(instance, paths):
    """The paths that answer 200 on A (the load generator's list)."""
    good = []
    for path in paths:
        response = fetch(instance.port, path.replace("{n}", "check"))
        if response.status == 200:
            good.append(path)
        else:
            print(f"  left out of the load: {path} answered {response.status}")
    if "/" not in good:
        raise DrillError("the home page does not answer 200 on instance A")
    return good
