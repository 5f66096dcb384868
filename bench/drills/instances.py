"""The two gunicorn instances, A and B: started, awaited, stopped, and their logs read."""

import contextlib
import http.client
import json
import os
import signal
import subprocess
import sys
import time

from bench.drills import DrillError
from bench.drills.client import fetch
from bench.servers import HOST, REPO


class Instance:
    """One gunicorn (master and workers) on 127.0.0.1:port, its stdout and stderr in files."""

    def __init__(self, name, port, env, workdir):
        self.name = name
        self.port = port
        self.env = {**env, "BIND": f"{HOST}:{port}", "PORT": str(port)}
        self.out_path = workdir / f"gunicorn-{name}.stdout.jsonl"
        self.err_path = workdir / f"gunicorn-{name}.stderr.log"
        self.process = None
        self._files = []

    def start(self):
        self._files = [self.out_path.open("wb"), self.err_path.open("wb")]
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "deploy/gunicorn.conf.py",
                "metro.wsgi:application",
            ],
            cwd=REPO,
            env=self.env,
            stdout=self._files[0],
            stderr=self._files[1],
            start_new_session=True,
        )

    @property
    def pid(self):
        return self.process.pid

    def running(self):
        return self.process is not None and self.process.poll() is None

    def wait_ready(self, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                tail = self.err_path.read_text(errors="replace").splitlines()[-15:]
                raise DrillError(f"instance {self.name} exited:\n" + "\n".join(tail))
            with contextlib.suppress(OSError, http.client.HTTPException):
                if fetch(self.port, "/healthz", timeout=2).status == 200:
                    return
            time.sleep(0.2)
        raise DrillError(f"instance {self.name} did not answer /healthz within {timeout:g} s")

    def stop(self):
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        for handle in self._files:
            handle.close()
        self._files = []

    def log_mark(self):
        return (self.out_path.stat().st_size, self.err_path.stat().st_size)

    def log_since(self, mark):
        """(app's JSON records, gunicorn's own lines) written since a log_mark()."""
        with self.out_path.open("rb") as handle:
            handle.seek(mark[0])
            out = handle.read().decode(errors="replace")
        with self.err_path.open("rb") as handle:
            handle.seek(mark[1])
            err = handle.read().decode(errors="replace")
        records = []
        for line in out.splitlines():
            try:
                records.append(json.loads(line))
            except ValueError:
                records.append({"level": "RAW", "logger": "stdout", "message": line})
        return records, err.splitlines()
