"""Metro's page benchmark: every page kind under gunicorn and nginx, at two archive sizes.

Figures, not a test. For each archive size the script uses a PostgreSQL database
metro_bench_<size> (the demo newsroom plus `generate_fake_archive`; built once,
reused while it holds that many stories) and a redis-server of its own on a free
port (never the machine's shared Redis), and starts on 127.0.0.1, with production settings (DEBUG off, deploy/gunicorn.conf.py, 2 sync
workers each, bench.settings = Metro's settings plus the floor view):

- cold: gunicorn with the page cache off (PAGE_CACHE_SECONDS=0);
- warm: gunicorn with the page cache on;
- nginx with deploy/nginx.conf as shipped (micro-cache in front of warm), plus a
  server sending the saved article page as a static file.

wrk (-t2 -c16) measures each page kind cold and warm, the Django floor (the
article page's bytes from memory, through all of Metro's middleware), nginx
static, the article through the nginx micro-cache, and the uncached story page's
ceiling (bench/ceiling.py: the story's two queries and nothing else, on the cold
gunicorn), against which the uncached article's target can be judged. Rounds are interleaved:
each round runs every target once, in the same order, and the figures are
medians over rounds; the ratios to the floor and to nginx static are taken
within each round, then medianed. SQL queries and body bytes are counted in
process (Django's test client on the same database). After each run the script
waits for gunicorn to finish the requests wrk left queued, so a slow page does
not weigh on the next run. At the largest size, a separate one-worker gunicorn
(cache off, no recycling) takes 10,000 requests cycling over the page kinds, its
resident memory sampled every 2,000 (at most --memory-seconds).

    python -m bench [--sizes 1000,100000] [--rounds 3] [--duration 5]
        [--connections 16] [--kinds article,search,...] [--quick] [--rebuild]
        [--json var/bench/pages.json]
"""

import argparse
import contextlib
import fcntl
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import data, loadgen, report
from bench.private_services import PrivateRedis, ServiceUnavailable
from bench.servers import (
    ENV_DROPPED,
    HOST,
    REPO,
    BenchError,
    Gunicorn,
    Nginx,
    ensure_tools,
    fetch,
    nginx_binary,
    rss_mb,
)

PAGE_KINDS = [
    "home",
    "section",
    "article",
    "person",
    "film",
    "tag",
    "search",
    "feed",
    "sitemap",
    "sitemap-articles",
]
EXTRA_KINDS = ["floor", "nginx-static", "nginx-microcache", "article-ceiling"]
BENCH_DIR = REPO / "var" / "bench"
LOCK_PATH = Path(tempfile.gettempdir()) / "metro-bench-pages.lock"
FLOOR_PATH = "/_bench/floor/"
CEILING_PREFIX = "/_bench/ceiling"
QUICK = {"duration": 1.0, "rounds": 1, "memory_requests": 1000}

# Targets of the issue, checked in the summary.
ARTICLE_COLD_X_FLOOR = 0.2
ARTICLE_COLD_P99_MS = 50.0
WARM_X_FLOOR = 0.8
MICROCACHE_X_NGINX = 0.5
MAX_QUERIES = 8
MEMORY_LIMIT_MB = 150.0
MEMORY_GROWTH_MB = 5.0  # over the second half of the run: more means it keeps growing


@dataclass(frozen=True)
class Target:
    key: str  # "article/cold", "floor", ...
    port: int
    path: str


def main(argv=None):
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    # Ctrl-C (even when started in the background) and SIGTERM unwind, stopping every server.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    lock = LOCK_PATH.open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Another benchmark run holds {LOCK_PATH}; try again when it is done.")
        return 2
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    result = {"options": options(args), "sizes": {}}
    private_redis = PrivateRedis()
    try:
        ensure_tools()
        data.check_postgres()
        private_redis.start()
        result["environment"] = environment()
        base_env = server_env(args, private_redis.url)
        print(f"Collecting static files into {base_env['STATIC_ROOT']}")
        data.manage(base_env, "collectstatic", "--noinput", "-v", "0")
        for size in args.sizes:
            result["sizes"][str(size)] = run_size(args, size, base_env)
    except BenchError as error:
        print(f"\nBENCHMARK COULD NOT RUN: {error}", file=sys.stderr)
        result["error"] = str(error)
        write_json(args.json, result)
        return 2
    except ServiceUnavailable as error:
        print(f"\nBENCHMARK COULD NOT RUN: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nInterrupted; every server stopped.", file=sys.stderr)
        return 130
    finally:
        private_redis.close()
    sizes = result["sizes"]
    if len(sizes) >= 2:
        small, large = sizes[str(min(args.sizes))], sizes[str(max(args.sizes))]
        result["comparison"] = report.compare_sizes(
            small["summary"], large["summary"], small["queries"], large["queries"]
        )
        print_comparison(min(args.sizes), max(args.sizes), result["comparison"])
    result["checks"] = checks(result, args)
    print_checks(result["checks"])
    write_json(args.json, result)
    return 0


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: sorted({int(part) for part in text.split(",") if part.strip()}),
        default=[1000, 100_000],
        help="archive sizes in stories, comma-separated (default 1000,100000)",
    )
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 3)")
    parser.add_argument("--duration", type=float, help="seconds per wrk run (default 5)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument(
        "--kinds",
        type=lambda text: [part.strip() for part in text.split(",") if part.strip()],
        default=PAGE_KINDS + EXTRA_KINDS,
        help="targets to run, comma-separated, from: "
        + ", ".join(PAGE_KINDS + EXTRA_KINDS)
        + " (default all; floor and nginx-static always run, the ratios need them)",
    )
    parser.add_argument(
        "--drain-seconds",
        type=float,
        default=30,
        help="after a run, how long to wait for gunicorn to finish the requests wrk left "
        "queued before restarting it (default 30)",
    )
    parser.add_argument(
        "--memory-requests",
        type=int,
        help="requests of the one-worker memory run (default 10000; 0 skips it)",
    )
    parser.add_argument(
        "--memory-size",
        type=int,
        help="the archive size the memory run uses (default the largest of --sizes)",
    )
    parser.add_argument(
        "--memory-seconds",
        type=float,
        default=900,
        help="time limit of the memory run (default 900; it reports how far it got)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"a smoke run: {QUICK['duration']:g} s per wrk run, {QUICK['rounds']} round, "
        f"{QUICK['memory_requests']} memory requests (unless given)",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the databases even when they exist"
    )
    parser.add_argument(
        "--port-base",
        type=int,
        default=8430,
        help="first of five ports on 127.0.0.1 (default 8430)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=BENCH_DIR / "pages.json",
        help="where to write the figures (default var/bench/pages.json)",
    )
    args = parser.parse_args(argv)
    defaults = QUICK if args.quick else {"duration": 5.0, "rounds": 3, "memory_requests": 10_000}
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    unknown = set(args.kinds) - set(PAGE_KINDS + EXTRA_KINDS)
    if unknown:
        parser.error(f"unknown --kinds: {', '.join(sorted(unknown))}")
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes must be positive numbers")
    if args.rounds < 1 or args.duration < 1 or args.connections < 1:
        parser.error("--rounds, --duration and --connections must be at least 1")
    if args.memory_size is None:
        args.memory_size = max(args.sizes)
    elif args.memory_size not in args.sizes:
        parser.error("--memory-size must be one of --sizes")
    args.page_kinds = [kind for kind in PAGE_KINDS if kind in args.kinds]
    args.duration = round(args.duration)
    return args


def options(args):
    return {
        "sizes": args.sizes,
        "rounds": args.rounds,
        "duration_s": args.duration,
        "connections": args.connections,
        "drain_seconds": args.drain_seconds,
        "wrk_threads": loadgen.WRK_THREADS,
        "kinds": args.kinds,
        "memory_requests": args.memory_requests,
        "memory_size": args.memory_size,
        "memory_seconds": args.memory_seconds,
        "quick": args.quick,
    }


def environment():
    import django
    import gunicorn

    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    nginx = subprocess.run([nginx_binary(), "-v"], capture_output=True, text=True)
    with data.pg_connect() as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "postgresql": postgres,
        "wrk": (wrk.stdout + wrk.stderr).split("\n")[0].strip(),
        "nginx": nginx.stderr.strip(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }


def server_env(args, redis_url):
    """Production settings for this machine; per size, the database and media are added."""
    env = {key: value for key, value in os.environ.items() if key not in ENV_DROPPED}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": f"http://{HOST}:{args.port_base + 3}",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "REDIS_URL": redis_url,
            "WEB_CONCURRENCY": "2",
            "STATIC_ROOT": str(BENCH_DIR / "static"),
        }
    )
    return env


def run_size(args, size, base_env):
    banner(f"{size:,} stories")
    size_dir = BENCH_DIR / str(size)
    size_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **base_env,
        "DATABASE_URL": data.database_url(size),
        "MEDIA_ROOT": str(BENCH_DIR / f"media-{size}"),
        "BENCH_FLOOR_FILE": str(size_dir / "article.html"),
    }
    cold_env = {**env, "PAGE_CACHE_SECONDS": "0"}
    outcome = {
        "database": data.ensure_database(size, env, BENCH_DIR / f"media-{size}", args.rebuild)
    }

    facts, queries, outcome["probe"] = probe(env, cold_env, args.page_kinds)
    outcome["facts"] = facts
    outcome["queries"] = queries
    print(f"  story: {facts['story']['headline']!r}; search word: {facts['search_word']!r}")

    data.flush_redis(env)
    with contextlib.ExitStack() as stack:
        ports = range(args.port_base, args.port_base + 5)
        cold = start(stack, Gunicorn("cold", ports[0], cold_env, BENCH_DIR))
        warm = start(stack, Gunicorn("warm", ports[1], env, BENCH_DIR))
        status, _, page = fetch(cold.port, facts["paths"]["article"])
        if status != 200:
            raise BenchError(f"the article page answered {status} on the cold instance")
        Path(env["BENCH_FLOOR_FILE"]).write_bytes(page)
        prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="metro-nginx-")))
        nginx = Nginx(
            prefix,
            BENCH_DIR,
            port=ports[3],
            static_page_port=ports[4],
            upstream_port=warm.port,
            static_root=env["STATIC_ROOT"],
        )
        stack.callback(nginx.stop)
        nginx.start(page)
        targets = build_targets(args, facts, cold, warm, nginx)
        outcome["answers"] = prime(targets)
        print(
            f"  cold :{cold.port}, warm :{warm.port}, nginx micro-cache :{nginx.port}, "
            f"nginx static :{nginx.static_page_port}; wrk -t{loadgen.WRK_THREADS} "
            f"-c{args.connections} -d{args.duration}s, {len(targets)} targets x {args.rounds} rounds"
        )
        servers = {cold.port: cold, warm.port: warm, nginx.port: warm}
        outcome["rounds"] = run_rounds(args, size, targets, servers)
    outcome["summary"] = report.summarize(outcome["rounds"])
    outcome["gunicorn_log"] = {server.name: server.log_problems() for server in (cold, warm)}
    print()
    print_size_table(outcome["summary"], queries, outcome["answers"], targets)
    for name, problems in outcome["gunicorn_log"].items():
        print(
            f"  gunicorn {name}: {problems['worker_timeouts']} worker timeouts, "
            f"{problems['errors']} error lines, {problems['max_requests_restarts']} workers "
            f"recycled by GUNICORN_MAX_REQUESTS (var/bench/gunicorn-{name}.log)"
        )

    if args.memory_requests and size == args.memory_size:
        data.flush_redis(env)
        paths = [facts["paths"][kind] for kind in args.page_kinds] or ["/"]
        outcome["memory"] = memory(args, cold_env, paths, ports[2])
    return outcome


def start(stack, server):
    stack.callback(server.stop)
    return server.start()


def probe(env, cold_env, kinds):
    """Facts and query counts, in process: cold = page cache off, warm = page cache on.

    Both take the second of two requests: the steady state, other caches filled.
    """
    quiet = {"LOG_LEVEL": "WARNING"}
    facts = run_probe({**cold_env, **quiet}, "facts")
    paths = {**{kind: facts["paths"][kind] for kind in kinds}, "floor": FLOOR_PATH}
    Path(env["BENCH_FLOOR_FILE"]).touch()
    data.flush_redis(env)
    cold = run_probe({**cold_env, **quiet}, "queries", json.dumps(paths))
    data.flush_redis(env)
    warm = run_probe({**env, **quiet}, "queries", json.dumps(paths))
    queries = {}
    for kind in paths:
        queries[f"{kind}/cold"] = cold[kind]["second"]["queries"]
        queries[f"{kind}/warm"] = warm[kind]["second"]["queries"]
    queries["floor"] = cold["floor"]["second"]["queries"]
    return facts, queries, {"cold": cold, "warm": warm}


def run_probe(env, *arguments):
    result = subprocess.run(
        [sys.executable, "-m", "bench.probe", *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    line = next(
        (line for line in result.stdout.splitlines() if line.startswith("BENCH-PROBE ")), None
    )
    if result.returncode != 0 or line is None:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-20:])
        raise BenchError(f"bench.probe {arguments[0]} failed:\n{tail}")
    return json.loads(line.removeprefix("BENCH-PROBE "))


def build_targets(args, facts, cold, warm, nginx):
    """Every target of a round, in the order each round runs them."""
    targets = [
        Target("floor", cold.port, FLOOR_PATH),
        Target("nginx-static", nginx.static_page_port, "/article"),
    ]
    for kind in args.page_kinds:
        path = facts["paths"][kind]
        targets += [
            Target(f"{kind}/cold", cold.port, path),
            Target(f"{kind}/warm", warm.port, path),
        ]
    if "article-ceiling" in args.kinds:
        targets.append(
            Target("article-ceiling", cold.port, CEILING_PREFIX + facts["paths"]["article"])
        )
    if "nginx-microcache" in args.kinds:
        targets.append(Target("nginx-microcache", nginx.port, facts["paths"]["article"]))
    return targets


def prime(targets):
    """Four requests per target (both workers): imports loaded, caches filled, answers noted."""
    answers = {}
    for target in targets:
        for _ in range(4):
            status, headers, body = fetch(target.port, target.path)
        answers[target.key] = {
            "status": status,
            "bytes": len(body),
            "headers": {
                name: ", ".join(headers.get_all(name))
                for name in ("Cache-Control", "Vary", "X-Cache-Status", "Set-Cookie")
                if name in headers
            },
        }
        if status != 200:
            print(f"  warning: {target.key} ({target.path}) answered {status}")
        if target.key == "nginx-microcache" and headers.get("X-Cache-Status") != "HIT":
            print(
                f"  warning: nginx did not cache {target.path} "
                f"(X-Cache-Status {headers.get('X-Cache-Status')}, "
                f"Cache-Control {headers.get('Cache-Control')!r})"
            )
    return answers


def run_rounds(args, size, targets, servers):
    """Every target once per round, in order; after each, the gunicorn behind it drained.

    A gunicorn still busy after --drain-seconds is restarted instead.
    """
    rounds = []
    for number in range(1, args.rounds + 1):
        started = time.monotonic()
        figures, notes = {}, []
        for target in targets:
            run = loadgen.run_wrk(
                target.port, target.path, duration=args.duration, connections=args.connections
            )
            server = servers.get(target.port)
            if server is not None:
                waited = server.drain(args.drain_seconds)
                run["drain_s"] = None if waited is None else round(waited, 2)
                if waited is None:
                    # A quick stop drops the requests in progress; their queries go too.
                    server.restart(meanwhile=lambda: data.cancel_queries(size))
                    run["restarted"] = True
                    notes.append(f"{server.name} restarted after {target.key}")
                elif run["drain_s"] >= 1:
                    notes.append(f"{run['drain_s']:.0f} s after {target.key}")
            figures[target.key] = run
        rounds.append(figures)
        print(
            f"  round {number}/{args.rounds} done in {time.monotonic() - started:.0f} s"
            + (f" (waited for queued requests: {', '.join(notes)})" if notes else "")
        )
    return rounds


def memory(args, cold_env, paths, port):
    """One worker, no recycling, cache off: resident memory over `memory_requests` requests.

    The worker is looked up at every sample: if gunicorn replaces it (a timeout),
    the new one is sampled and the report says so.
    """
    total = args.memory_requests
    step = max(1, total // 5)
    env = {**cold_env, "WEB_CONCURRENCY": "1", "GUNICORN_MAX_REQUESTS": "0"}
    pids = []

    def worker_rss():
        workers = server.workers()
        if len(workers) != 1:
            return None
        if workers[0] not in pids:
            pids.append(workers[0])
        return rss_mb(workers[0])

    with contextlib.ExitStack() as stack:
        server = start(stack, Gunicorn("memory", port, env, BENCH_DIR))
        started = time.monotonic()
        samples, errors = loadgen.memory_run(
            port,
            paths,
            total,
            set(range(step, total + 1, step)),
            worker_rss,
            args.memory_seconds,
        )
        seconds = time.monotonic() - started
        problems = server.log_problems()
    growth = loadgen.half_growth(samples)
    done = samples[-1][0]
    print(
        f"\n  Memory, one worker (pid {', '.join(map(str, pids))}), {done:,} requests over "
        f"{len(paths)} page kinds in {seconds:.0f} s, {errors} errors:"
    )
    if done < total:
        print(
            f"  stopped at the {args.memory_seconds:g} s limit (--memory-seconds) before {total:,}"
        )
    if len(pids) > 1 or problems["worker_timeouts"]:
        print(
            f"  the worker was replaced ({problems['worker_timeouts']} worker timeouts in "
            "var/bench/gunicorn-memory.log): figures after that are a new worker's"
        )
    rows = [[f"{n:,}", report.number(mb, 1)] for n, mb in samples]
    print(report.table(["requests", "VmRSS MB"], rows))
    print(f"  growth over the last half: {report.number(growth, 1)} MB")
    return {
        "worker_pids": pids,
        "requests": done,
        "requests_asked": total,
        "errors": errors,
        "seconds": round(seconds, 1),
        "samples_mb": [[n, None if mb is None else round(mb, 1)] for n, mb in samples],
        "growth_last_half_mb": None if growth is None else round(growth, 1),
        "gunicorn_log": problems,
    }


# Output ----------------------------------------------------------------------


def banner(title):
    print(f"\n== {title}")


def print_size_table(summary, queries, answers, targets):
    rows = []
    for target in targets:
        figures = summary[target.key]
        rows.append(
            [
                target.key,
                report.number(figures["rps"]),
                report.number(figures["p50_ms"], 2),
                report.number(figures["p99_ms"], 2),
                figures["errors"],
                queries.get(target.key, "-"),
                report.number(answers[target.key]["bytes"]),
                report.number(figures["x_floor"], 3),
                report.number(figures["x_nginx"], 4),
            ]
        )
    headers = ["target", "req/s", "p50 ms", "p99 ms", "errors", "queries", "bytes", "xfloor"]
    print(report.table([*headers, "xnginx"], rows))


def print_comparison(small, large, comparison):
    banner(f"{large:,} vs {small:,} stories")
    rows = [
        [
            target,
            report.number(row["rps_ratio"], 2),
            report.number(row["x_floor_ratio"], 2),
            report.number(row["p50_ratio"], 2),
            " / ".join("-" if q is None else str(q) for q in row["queries"]),
            " ".join(
                flag
                for flag, raised in (
                    ("SLOWER", row["slower"]),
                    ("QUERIES DIFFER", row["queries_differ"]),
                )
                if raised
            ),
        ]
        for target, row in comparison.items()
    ]
    headers = ["target", "req/s ratio", "xfloor ratio", "p50 ratio", "queries", "flag"]
    print(report.table(headers, rows))
    print(
        f"  ratios are {large:,} over {small:,}; SLOWER: a request costs over "
        f"{report.SLOWDOWN_LIMIT - 1:.0%} more at {large:,} (xfloor ratio, or req/s ratio "
        f"without a floor, below {1 / report.SLOWDOWN_LIMIT:.2f}); search: p50 reaches "
        f"{report.SEARCH_P50_LIMIT_MS:g} ms"
    )


def checks(result, args):
    """The issue's targets at the largest size measured, each with its figure."""
    sizes = result["sizes"]
    if not sizes:
        return []
    largest = sizes[str(max(args.sizes))]
    summary, queries = largest["summary"], largest["queries"]
    found = []

    def check(name, value, ok):
        found.append({"check": name, "value": value, "passed": bool(ok)})

    def figure(target, name):
        return summary.get(target, {}).get(name)

    if "article/cold" in summary:
        x = figure("article/cold", "x_floor")
        check(f"article cold >= {ARTICLE_COLD_X_FLOOR}x floor", x, x and x >= ARTICLE_COLD_X_FLOOR)
        p99 = figure("article/cold", "p99_ms")
        check(
            f"article cold p99 < {ARTICLE_COLD_P99_MS:g} ms", p99, p99 and p99 < ARTICLE_COLD_P99_MS
        )
    if "article-ceiling" in summary:
        x = figure("article-ceiling", "x_floor")
        check(
            f"article ceiling (its two queries alone) >= {ARTICLE_COLD_X_FLOOR}x floor",
            x,
            x and x >= ARTICLE_COLD_X_FLOOR,
        )
    if "article/warm" in summary:
        x = figure("article/warm", "x_floor")
        check(f"article warm >= {WARM_X_FLOOR}x floor", x, x and x >= WARM_X_FLOOR)
    warm = [key for key in summary if key.endswith("/warm")]
    if warm:
        lowest = min(warm, key=lambda key: figure(key, "x_floor") or 0)
        x = figure(lowest, "x_floor")
        check(
            f"every warm page >= {WARM_X_FLOOR}x floor (lowest: {lowest})",
            x,
            x and x >= WARM_X_FLOOR,
        )
    if "nginx-microcache" in largest["answers"]:
        cache_status = largest["answers"]["nginx-microcache"]["headers"].get("X-Cache-Status")
        check("nginx micro-cache hits (X-Cache-Status)", cache_status, cache_status == "HIT")
    if "nginx-microcache" in summary:
        x = figure("nginx-microcache", "x_nginx")
        check(
            f"nginx micro-cache >= {MICROCACHE_X_NGINX}x nginx static",
            x,
            x and x >= MICROCACHE_X_NGINX,
        )
    if "search/cold" in summary:
        p50 = figure("search/cold", "p50_ms")
        check(
            f"search cold p50 < {report.SEARCH_P50_LIMIT_MS:g} ms",
            p50,
            p50 and p50 < report.SEARCH_P50_LIMIT_MS,
        )
    page_queries = {
        key: n for key, n in queries.items() if key.endswith("/cold") and key != "floor/cold"
    }
    if page_queries:
        most = max(page_queries, key=page_queries.get)
        check(
            f"<= {MAX_QUERIES} queries per page (most: {most})",
            page_queries[most],
            page_queries[most] <= MAX_QUERIES,
        )
    if "comparison" in result:
        slower = [key for key, row in result["comparison"].items() if row["slower"]]
        # Only pages are judged: the floor and nginx rows show how noisy the machine was.
        differ = [key for key, row in result["comparison"].items() if row["queries_differ"]]
        check("no page > 20% slower at the largest size", ", ".join(slower) or "none", not slower)
        check("same query counts at every size", ", ".join(differ) or "all equal", not differ)
    for size, outcome in sizes.items():
        if "memory" in outcome:
            peak = max((mb for _, mb in outcome["memory"]["samples_mb"] if mb), default=None)
            check(
                f"worker memory < {MEMORY_LIMIT_MB:g} MB ({size} stories)",
                peak,
                peak is not None and peak < MEMORY_LIMIT_MB,
            )
            growth = outcome["memory"]["growth_last_half_mb"]
            check(
                f"worker memory growth over the last half < {MEMORY_GROWTH_MB:g} MB",
                growth,
                growth is not None and growth < MEMORY_GROWTH_MB,
            )
    return found


def print_checks(found):
    if not found:
        return
    banner("Targets")
    for item in found:
        value = item["value"]
        shown = f"{value:.3g}" if isinstance(value, float) else value
        print(f"  {'met ' if item['passed'] else 'MISS'}  {item['check']}: {shown}")


def write_json(path, result):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(f"\nFigures written to {path}")


if __name__ == "__main__":
    sys.exit(main())
