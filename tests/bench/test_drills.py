"""The drills' command line and where they run the project's programs (the drills themselves
run with `make drills`)."""

import subprocess
import sys

from bench.drills import instances, report, set_up
from bench.drills.figures import summarize


def drills_command(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "bench.drills", *arguments],
        cwd=set_up.REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_python_m_bench_drills_keeps_its_options():
    result = drills_command("--help")

    assert result.returncode == 0
    for option in ("--drill", "--seconds", "--port-a", "--port-b", "--threads", "--json"):
        assert option in result.stdout
    assert "Fault drills and the two-instance check" in result.stdout


def test_bad_options_are_refused_before_anything_starts():
    result = drills_command("--port-a", "8411", "--port-b", "8411")

    assert result.returncode == 2
    assert "--port-a and --port-b must differ" in result.stderr


def test_manage_py_and_gunicorn_run_in_the_project_folder():
    assert (set_up.REPO / "manage.py").is_file()
    assert (instances.REPO / "deploy" / "gunicorn.conf.py").is_file()


def test_a_phase_table_lines_up_its_figures_and_leaves_missing_ones_blank(capsys):
    before = {
        "seconds": 2.0,
        "requests": 2743,
        "per_second": 1371.0,
        "errors": 0,
        "5xx": 0,
        "p50_ms": 5.1,
        "p99_ms": 13.0,
        "max_ms": 19.7,
        "statuses": {"200": 2743},
    }

    report.phase_table([("before", before), ("Redis down", summarize([], 3.05))])

    assert capsys.readouterr().out.splitlines() == [
        "  phase       seconds  requests   req/s  errors  5xx  p50 ms  p99 ms  max ms   statuses",
        "  ----------  -------  --------  ------  ------  ---  ------  ------  ------  ---------",
        "  before          2.0      2743  1371.0       0    0     5.1    13.0    19.7  200: 2743",
        "  Redis down      3.0         0     0.0       0    0                                  -",
    ]
