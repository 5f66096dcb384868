"""The processes the page benchmark runs: gunicorn instances and nginx, stopped at exit."""

import contextlib
import getpass
import http.client
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
NGINX_CONF = REPO / "deploy" / "nginx.conf"

# Variables of the calling shell that would change how the instances run.
ENV_DROPPED = [
    "BIND",
    "PORT",
    "GUNICORN_CONTROL_SOCKET",
    "GUNICORN_MAX_REQUESTS",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "ADMIN_URL",
    "DATABASE_CONN_MAX_AGE",
    "USE_X_FORWARDED_HOST",
    "TRUSTED_PROXY_COUNT",
    "CSRF_TRUSTED_ORIGINS",
    "PAGE_CACHE_SECONDS",
    "DJANGO_SETTINGS_MODULE",
]


class BenchError(Exception):
    """The benchmark could not be set up or driven."""


def port_in_use(port):
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.3):
        return True
    return False


def fetch(port, path, timeout=30.0, headers=None):
    """(status, headers, body) of one GET to 127.0.0.1:port."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"User-Agent": "metro-bench/1", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def accept_queue(port):
    """Connections waiting to be accepted on HOST:port (the listen socket's backlog)."""
    address = "{:08X}:{:04X}".format(struct.unpack("=I", socket.inet_aton(HOST))[0], port)
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == address and fields[3] == "0A":  # 0A: LISTEN
            return int(fields[4].split(":")[1], 16)
    return 0


def wait_for(port, path, process, log_path, timeout=60.0):
    """Wait until 127.0.0.1:port answers `path`; fail early if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(errors="replace").splitlines()[-15:]
            raise BenchError(f"{log_path.stem} exited:\n" + "\n".join(tail))
        with contextlib.suppress(OSError, http.client.HTTPException):
            if fetch(port, path, timeout=5)[0] < 500:
                return
        time.sleep(0.2)
    raise BenchError(f"nothing answered on 127.0.0.1:{port}{path} within {timeout:g} s")


def stop_process(process, sig=signal.SIGTERM, timeout=20.0):
    """Signal the process group; SIGKILL it if it lingers."""
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Gunicorn:
    """One gunicorn (deploy/gunicorn.conf.py) on 127.0.0.1:port; the app's request log discarded."""

    def __init__(self, name, port, env, log_dir):
        self.name = name
        self.port = port
        self.env = {
            **env,
            "BIND": f"{HOST}:{port}",
            "PORT": str(port),
            "GUNICORN_CONTROL_SOCKET": str(log_dir / f"gunicorn-{name}.ctl"),
        }
        self.log_path = log_dir / f"gunicorn-{name}.log"
        self.log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        self.earlier_problems = {"worker_timeouts": 0, "errors": 0, "max_requests_restarts": 0}
        self.process = None

    def start(self):
        if port_in_use(self.port):
            raise BenchError(f"port {self.port} is in use (choose others with --port-base)")
        with self.log_path.open("ab") as log, open(os.devnull, "wb") as devnull:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py"]
                + ["metro.wsgi:application"],
                cwd=REPO,
                env=self.env,
                stdout=devnull,
                stderr=log,
                start_new_session=True,
            )
        wait_for(self.port, "/healthz", self.process, self.log_path)
        return self

    def workers(self):
        """Pids of the master's children (its workers)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        with contextlib.suppress(OSError):
            return [int(pid) for pid in path.read_text().split()]
        return []

    def drain(self, limit):
        """Wait for the requests a load run left behind: seconds waited, or None past `limit`.

        When wrk stops, the connections still queued are accepted and served all
        the same: with slow pages that is many seconds of work, which would weigh
        on the next run. Wait for the queue to empty, then for a request on each
        worker.
        """
        started = time.monotonic()
        deadline = started + limit
        while accept_queue(self.port):
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)
        count = max(1, len(self.workers()))
        try:
            with ThreadPoolExecutor(count) as pool:
                timeout = max(1.0, deadline - time.monotonic())
                list(
                    pool.map(lambda _: fetch(self.port, "/healthz", timeout=timeout), range(count))
                )
        except (OSError, http.client.HTTPException):
            return None
        return time.monotonic() - started

    def log_problems(self):
        """Worker timeouts, errors and recycled workers gunicorn logged since this instance was made."""
        with self.log_path.open("rb") as log:
            log.seek(self.log_start)
            lines = log.read().decode(errors="replace").splitlines()
        markers = {
            "worker_timeouts": "WORKER TIMEOUT",
            "errors": "[ERROR]",
            "max_requests_restarts": "Autorestarting worker",
        }
        return {
            name: self.earlier_problems[name] + sum(marker in line for line in lines)
            for name, marker in markers.items()
        }

    def restart(self, meanwhile=None):
        """A quick stop, `meanwhile()`, and a fresh start.

        The requests dropped by the stop are not counted as the app's errors.
        """
        self.earlier_problems = self.log_problems()
        self.stop()
        self.log_start = self.log_path.stat().st_size
        if meanwhile:
            meanwhile()
        return self.start()

    def stop(self):
        # QUIT is gunicorn's quick shutdown: a worker in a long request does not hold it up.
        stop_process(self.process, signal.SIGQUIT, timeout=10.0)


def rss_mb(pid):
    """Resident memory of a process in MB (VmRSS), or None when it is gone."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


# nginx -----------------------------------------------------------------------


def nginx_binary():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(path, os.X_OK)),
        None,
    )


def ensure_tools():
    """wrk and nginx from Debian's packages, installed when missing (as root)."""
    if shutil.which("wrk") and nginx_binary():
        return
    if os.geteuid() != 0:
        raise BenchError("wrk and nginx are needed: apt-get install -y wrk nginx")
    print("Installing wrk and nginx")
    command = ["apt-get", "install", "-y", "wrk", "nginx"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(command, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise BenchError(f"apt-get install wrk nginx failed: {result.stderr.strip()[-500:]}")


def substitute(text, pattern, replacement):
    """Replace the one directive matching `pattern`; the shipped file must have it exactly once."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    if count != 1:
        raise BenchError(
            f"deploy/nginx.conf: expected one line matching {pattern!r}, found {count}"
        )
    return new


def render_nginx_conf(text, *, listen, upstream, static_root, prefix, error_log, static_page_port):
    """deploy/nginx.conf for this machine: other ports and paths, the same caching.

    Adds temp paths under `prefix` (so nginx runs without root) and one more server
    that sends the saved article page as a static file from `prefix`/page/.
    """
    text = substitute(text, r"^user \S+;", f"user {getpass.getuser()};")
    text = substitute(text, r"^pid \S+;", f"pid {prefix}/nginx.pid;")
    text = substitute(text, r"^error_log \S+", f"error_log {error_log}")
    text = substitute(text, r"^(\s*access_log) /var/log/\S+", r"\1 /dev/null")
    text = substitute(text, r"^(\s*server) 127\.0\.0\.1:8000;", rf"\1 {upstream};")
    text = substitute(text, r"^(\s*listen) 80;", rf"\1 {listen};")
    text = substitute(text, r"^(\s*proxy_cache_path) \S+", rf"\1 {prefix}/cache")
    text = substitute(text, r"^(\s*alias) /srv/metro/var/static/;", rf"\1 {static_root}/;")
    temp_paths = "".join(
        f"    {kind}_temp_path {prefix}/{kind}_temp;\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text = substitute(text, r"^http \{\n", "http {\n" + temp_paths)
    static_server = (
        "\n    # Bench only: the saved article page as a static file.\n"
        "    server {\n"
        f"        listen {HOST}:{static_page_port};\n"
        f"        root {prefix}/page;\n"
        "        location = /article { default_type text/html; }\n"
        "    }\n}\n"
    )
    return substitute(text, r"\}\s*\Z", static_server)


class Nginx:
    """nginx as a child process (daemon off) with a rendered copy of deploy/nginx.conf."""

    def __init__(self, prefix, log_dir, *, port, static_page_port, upstream_port, static_root):
        self.prefix = prefix
        self.port = port
        self.static_page_port = static_page_port
        self.error_log = log_dir / "nginx-error.log"
        self.conf = render_nginx_conf(
            NGINX_CONF.read_text(),
            listen=f"{HOST}:{port}",
            upstream=f"{HOST}:{upstream_port}",
            static_root=static_root,
            prefix=prefix,
            error_log=self.error_log,
            static_page_port=static_page_port,
        )
        self.process = None

    def start(self, page_bytes):
        for port in (self.port, self.static_page_port):
            if port_in_use(port):
                raise BenchError(f"port {port} is in use (choose others with --port-base)")
        (self.prefix / "page").mkdir(parents=True, exist_ok=True)
        (self.prefix / "page" / "article").write_bytes(page_bytes)
        conf_path = self.prefix / "nginx.conf"
        conf_path.write_text(self.conf)
        binary = nginx_binary()
        check = subprocess.run(
            [binary, "-t", "-q", "-p", str(self.prefix), "-e", str(self.error_log)]
            + ["-c", str(conf_path)],
            capture_output=True,
            text=True,
        )
        if check.returncode != 0:
            raise BenchError(f"nginx -t refused the rendered config:\n{check.stderr.strip()}")
        with self.error_log.open("ab") as log:
            self.process = subprocess.Popen(
                [binary, "-p", str(self.prefix), "-e", str(self.error_log), "-c", str(conf_path)]
                + ["-g", "daemon off;"],
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        wait_for(self.static_page_port, "/article", self.process, self.error_log)
        return self

    def stop(self):
        # nginx's graceful stop is SIGQUIT; SIGTERM is its fast shutdown, which suits us.
        stop_process(self.process)
