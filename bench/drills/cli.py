"""The command line: which drills to run, and running them with everything stopped after."""

import argparse
import contextlib
import fcntl
import json
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import bench.drills
from bench.drills import DrillError
from bench.drills.load import Load
from bench.drills.postgres_outage import drill_postgres
from bench.drills.redis_outage import drill_redis
from bench.drills.report import banner, print_summary
from bench.drills.scale_out import drill_scale
from bench.drills.services import Services, environment
from bench.drills.set_up import set_up
from bench.drills.timeline import AFTER, FAULT_AT, REDIS_OUTAGE

# One run at a time: runs would share the gunicorn ports.
LOCK_PATH = Path(tempfile.gettempdir()) / "metro-drills.lock"

DRILLS = {"redis": drill_redis, "postgres": drill_postgres, "scale": drill_scale}
DRILL_TITLES = {
    "redis": "Drill: Redis stops under load on A",
    "postgres": "Drill: PostgreSQL stops and starts under load on A",
    "scale": "Two instances sharing PostgreSQL and Redis",
}


def main(argv=None):
    args = parse_args(argv)
    # Progress shows as it happens under make and CI too.
    sys.stdout.reconfigure(line_buffering=True)
    # SIGTERM (a CI timeout) unwinds like Ctrl-C: instances and private servers stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    lock = LOCK_PATH.open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Another drills run holds {LOCK_PATH}; try again when it is done.", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="metro-drills-"))
    report = {"environment": {}, "options": options(args), "setup": {}, "drills": {}}
    instances = []
    services = Services()
    ok = False
    exit_code = 2
    try:
        services.start()
        report["environment"] = environment(services)
        context = set_up(args, workdir, report, instances, services)
        for name in args.drills:
            banner(DRILL_TITLES[name])
            try:
                report["drills"][name] = DRILLS[name](context)
            finally:
                Load.stop_all()
                services.start()  # Whichever a drill left stopped, if it raised.
        ok = all(result["passed"] for result in report["drills"].values())
        exit_code = 0 if ok else 1
    except DrillError as error:
        print(f"\nDRILLS COULD NOT RUN: {error}", file=sys.stderr)
        report["error"] = str(error)
    finally:
        for instance in instances:
            instance.stop()
        if not ok and instances:
            with contextlib.suppress(OSError):
                shutil.copy(services.postgres.log_path, workdir)
        services.close()
        if not ok and instances:
            print(f"\nKept for a look: the gunicorn and PostgreSQL logs under {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report["passed"] = ok
    print_summary(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"\nFigures written to {args.json}")
    return exit_code


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m bench.drills", description=bench.drills.__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--drill",
        choices=["redis", "postgres", "scale", "all"],
        default="all",
        help="which drill to run (default all: redis, postgres, then scale)",
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=8.0,
        help="load per drill in seconds (default 8; the postgres drill goes on "
        f"until {AFTER:g} s after A recovers)",
    )
    parser.add_argument("--port-a", type=int, default=8411, help="instance A (default 8411)")
    parser.add_argument("--port-b", type=int, default=8412, help="instance B (default 8412)")
    parser.add_argument("--threads", type=int, default=8, help="load generator threads (default 8)")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=100_000,
        help="at most this many requests per drill's load (default 100000)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    args = parser.parse_args(argv)
    if args.seconds < FAULT_AT + REDIS_OUTAGE + 1:
        parser.error(f"--seconds must be at least {FAULT_AT + REDIS_OUTAGE + 1:g}")
    if args.port_a == args.port_b:
        parser.error("--port-a and --port-b must differ")
    if args.threads < 1 or args.max_requests < 1:
        parser.error("--threads and --max-requests must be at least 1")
    args.drills = ["redis", "postgres", "scale"] if args.drill == "all" else [args.drill]
    return args


def options(args):
    return {
        "drills": args.drills,
        "seconds": args.seconds,
        "port_a": args.port_a,
        "port_b": args.port_b,
        "threads": args.threads,
        "max_requests": args.max_requests,
    }
