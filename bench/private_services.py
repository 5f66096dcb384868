"""Servers of our own, on their own ports and data folders, for tests and drills.

The machine's PostgreSQL (5432) and Redis (6379) are shared with everything else on
it: nothing here stops, restarts, flushes or drops them. Whatever needs to break a
server, or to empty one, starts its own with these and stops it afterwards.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

HOST = "127.0.0.1"


class ServiceUnavailable(RuntimeError):
    """The server's program is not installed or would not start."""


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_for_port(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


class PrivateRedis:
    """A redis-server of our own: in memory only, on a free port, in a temporary folder.

    `start()` and `stop()` may be called again, to take the server away and bring it
    back on the same port (an outage).
    """

    def __init__(self, port=None):
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="metro-redis-"))
        self.process = None

    @property
    def url(self):
        return f"redis://{HOST}:{self.port}/0"

    def start(self, seconds=10):
        program = shutil.which("redis-server")
        if program is None:
            raise ServiceUnavailable("redis-server is not installed")
        self.process = subprocess.Popen(
            [
                program,
                "--bind",
                HOST,
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--logfile",
                str(self.folder / "redis.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not wait_for_port(self.port, seconds):
            self.stop()
            raise ServiceUnavailable(f"redis-server did not answer on {HOST}:{self.port}")
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.close()


def postgres_programs():
    """The folder of the newest PostgreSQL's initdb and pg_ctl (Debian keeps them off PATH)."""
    found = sorted(
        (Path(path).parent for path in glob.glob("/usr/lib/postgresql/*/bin/initdb")),
        key=lambda folder: [int(part) for part in folder.parent.name.split(".") if part.isdigit()],
    )
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    if initdb is None:
        raise ServiceUnavailable("PostgreSQL's initdb is not installed")
    return Path(initdb).parent


class PrivatePostgres:
    """A PostgreSQL cluster of our own: `initdb` in a temporary folder, listening on
    127.0.0.1 and a free port only, its socket in that folder, `trust` for its superuser
    `postgres`. Durability is off (fsync, full-page writes): it lives for one run.

    PostgreSQL will not run as root: as root, the cluster belongs to the `postgres`
    user (or `os_user`) and its programs run as that user through `runuser`.
    `start()` and `stop()` may be called again, to take the server away and bring it
    back on the same port with its data (an outage).
    """

    def __init__(self, port=None, os_user="postgres"):
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="metro-postgres-"))
        self.data = self.folder / "data"
        self.log_path = self.folder / "postgres.log"
        self.programs = None
        self.run_as = os_user if os.geteuid() == 0 else None
        if self.run_as:
            shutil.chown(self.folder, self.run_as, self.run_as)

    def url(self, database="postgres"):
        return f"postgres://postgres@{HOST}:{self.port}/{database}"

    def _run(self, program, *arguments, seconds=60):
        command = [str(self.programs / program), *arguments]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds, cwd=self.folder
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise ServiceUnavailable(f"{program} failed: {' '.join(detail)}")
        return result

    def start(self, seconds=60):
        if self.programs is None:
            self.programs = postgres_programs()
        if not (self.data / "PG_VERSION").exists():
            self._run(
                "initdb",
                "--pgdata",
                str(self.data),
                "--username",
                "postgres",
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--locale",
                "C.UTF-8",
                "--no-sync",
                seconds=seconds,
            )
        settings = [
            f"-c port={self.port}",
            f"-c listen_addresses={HOST}",
            f"-c unix_socket_directories={self.folder}",
            "-c fsync=off",
            "-c full_page_writes=off",
            "-c synchronous_commit=off",
        ]
        self._run(
            "pg_ctl",
            "start",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log_path),
            "--wait",
            "--timeout",
            str(int(seconds)),
            "-o",
            " ".join(settings),
            seconds=seconds + 5,
        )
        if not wait_for_port(self.port, seconds):
            raise ServiceUnavailable(f"PostgreSQL did not answer on {HOST}:{self.port}")
        return self

    def running(self):
        return (self.data / "postmaster.pid").exists()

    def stop(self, mode="fast"):
        """Stop the server (`fast`: clients are disconnected, data is kept)."""
        if self.programs is None or not self.running():
            return
        try:
            self._run("pg_ctl", "stop", "--pgdata", str(self.data), "--mode", mode, "--wait")
        except (ServiceUnavailable, subprocess.TimeoutExpired):
            if mode != "immediate":
                self.stop("immediate")

    def close(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.close()
