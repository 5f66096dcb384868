"""gunicorn settings for Metro (make serve-prod, and production): every value from the environment."""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: Django's ORM is synchronous; two per core is the usual start.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so no slow leak can grow for ever. A worker's memory
# stays flat (make bench: 86 MB after 10,000 requests at 100,000 stories), and at
# cached-page rates 5,000 requests meant a restart every few seconds, so: rarely.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# The app logs one JSON line per request itself (metro.requests); gunicorn's own
# messages (start, stop, worker timeouts) go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Proxies allowed to say a request came over https (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "metro"
# One control socket per instance, so several can run side by side on one machine.
control_socket = os.environ.get(
    "GUNICORN_CONTROL_SOCKET", f"/tmp/metro-gunicorn-{bind.replace(':', '-').replace('/', '_')}.ctl"
)
