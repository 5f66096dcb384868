"""The drills' command line and where they run the project's programs (the drills themselves
run with `make drills`)."""

import subprocess
import sys

from bench.drills import cli


def drills_command(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "bench.drills", *arguments],
        cwd=cli.REPO,
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
    assert (cli.REPO / "manage.py").is_file()
    assert (cli.REPO / "deploy" / "gunicorn.conf.py").is_file()
