"""The benchmark's databases: metro_bench_<size>, the demo newsroom plus a generated archive.

They live on the machine's PostgreSQL (127.0.0.1:5432), which the benchmark only
reads and writes: it creates, and rebuilds with --rebuild, databases of its own
name and nothing else. Redis is a redis-server of the benchmark's own
(bench.private_services.PrivateRedis), emptied between runs.
"""

import contextlib
import shutil
import subprocess
import sys
import time

import psycopg
import redis

from bench.servers import HOST, REPO, BenchError

PG_PORT = 5432
ARCHIVE_SEED = 20261125


def database_name(size):
    return f"metro_bench_{size}"


def database_url(size):
    return f"postgres://postgres@{HOST}:{PG_PORT}/{database_name(size)}"


def pg_connect(dbname="postgres"):
    return psycopg.connect(
        host=HOST, port=PG_PORT, user="postgres", dbname=dbname, connect_timeout=5, autocommit=True
    )


def check_postgres():
    try:
        with pg_connect() as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        raise BenchError(f"PostgreSQL is not answering on {HOST}:{PG_PORT}: {error}") from error


def flush_redis(env):
    """Empty the benchmark's own redis-server (env["REDIS_URL"]), never a shared one."""
    with redis.Redis.from_url(env["REDIS_URL"], socket_timeout=5) as client:
        client.flushdb()


def cancel_queries(size):
    """Cancel the queries still running on the size's database (left by a stopped worker)."""
    with pg_connect() as connection:
        connection.execute(
            "SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND state = 'active' AND pid <> pg_backend_pid()",
            [database_name(size)],
        )


def story_count(size):
    """Stories in the size's database; None when there is no database or no table yet."""
    with pg_connect() as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name(size)]
        ).fetchone()
    if not exists:
        return None
    try:
        with pg_connect(database_name(size)) as connection:
            return connection.execute("SELECT count(*) FROM articles_article").fetchone()[0]
    except psycopg.errors.UndefinedTable:
        return None


def manage(env, *arguments, show_output=False, timeout=3600):
    """Run manage.py under the benchmark's environment; its output only on failure, or live."""
    command = [sys.executable, "manage.py", *arguments]
    if show_output:
        result = subprocess.run(command, cwd=REPO, env=env, timeout=timeout)
        output = ""
    else:
        result = subprocess.run(
            command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
        )
        output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        tail = "\n".join(output.splitlines()[-20:])
        raise BenchError(f"manage.py {' '.join(arguments)} failed\n{tail}")
    return output


def ensure_database(size, env, media_root, rebuild=False):
    """Reuse metro_bench_<size> when it holds `size` stories, else build it. Returns a summary."""
    started = time.monotonic()
    count = None if rebuild else story_count(size)
    if count is not None and count >= size:
        manage(env, "migrate", "--noinput")
        print(f"  {database_name(size)}: reused ({count:,} stories)")
        return {"database": database_name(size), "built": False, "stories": count}

    print(f"  {database_name(size)}: building (demo newsroom + {size:,} generated stories)")
    with pg_connect() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(size)}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database_name(size)}"')
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(media_root)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--force")
    manage(
        env,
        "generate_fake_archive",
        "--articles",
        str(size),
        "--seed",
        str(ARCHIVE_SEED),
        "--force",
        show_output=True,
    )
    # Fresh planner statistics, as a database that has lived a while would have.
    with pg_connect(database_name(size)) as connection:
        connection.execute("VACUUM ANALYZE")
    count = story_count(size)
    seconds = time.monotonic() - started
    print(f"  {database_name(size)}: built in {seconds:.0f} s ({count:,} stories)")
    return {
        "database": database_name(size),
        "built": True,
        "stories": count,
        "seconds": round(seconds, 1),
    }
