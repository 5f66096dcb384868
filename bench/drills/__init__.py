"""Fault drills and the two-instance check: Metro on gunicorn, PostgreSQL and Redis.

Figures, not a test. The drills break servers, so every server they use is their
own (bench.private_services): a PostgreSQL cluster made with initdb in a
temporary folder and a redis-server, each on a free port of 127.0.0.1, started
and stopped by the drills and removed at the end. The machine's shared PostgreSQL
(5432) and Redis (6379) are never connected to, let alone stopped or flushed.

The script makes its database (metro_drills) in its cluster, loads the demo
newsroom, adds an editor, and starts two gunicorn instances, A and B, as
production runs them (deploy/gunicorn.conf.py, DEBUG off, the Redis cache,
cached_db sessions) on 127.0.0.1. A Python load generator (threads, 127.0.0.1
only, bounded by time and by count) requests the public pages while

- redis: Redis stops for a few seconds under load on A. Pages must keep being
  served (uncached) with no 5xx, and the sister-sites block must be cached in
  Redis again once Redis is back.
- postgres: PostgreSQL stops for a few seconds under load on A. The load also
  asks for pages no cache can hold (a search for new words every time), so
  requests in the gap must reach the database and get the 503 page (at least
  one must; no 500, no traceback), while cached pages keep answering 200. A must
  serve such a page with a 200 again within 10 s of the database accepting
  connections, with the same gunicorn masters (nothing restarted); B's first
  such request afterwards must be a 200 too.
- scale: an editor logs in on A and B accepts that session; on A the editor
  publishes a draft (the changelist's "publish" action) and edits a sister
  link's title; B must show each change on its very next request (the story,
  and the sister-sites block, which is cached in the shared Redis). Under load
  on both instances.

It prints a table per drill and a summary, can write the figures as JSON, and
exits non-zero when a drill misses its criteria (2 when it could not set up).
Nothing is left running; on a failure the gunicorn and PostgreSQL logs are kept
in a temporary folder (printed).

    python -m bench.drills [--drill redis|postgres|scale|all] [--seconds 8]
        [--port-a 8411] [--port-b 8412] [--threads 8] [--json figures.json]
"""


class DrillError(Exception):
    """The drills could not be set up or driven (not a missed criterion)."""
