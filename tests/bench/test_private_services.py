"""The servers of our own that tests and drills break: never the machine's shared ones."""

import argparse
import ast
from pathlib import Path

import psycopg
import pytest

from bench import drills
from bench.drills.services import Services
from bench.drills.set_up import drills_env
from bench.private_services import PrivatePostgres, ServiceUnavailable, wait_for_port

SHARED_POSTGRES, SHARED_REDIS = 5432, 6379


def processes_using(folder):
    """Pids of processes whose command line names `folder` (a server's data folder)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if str(folder) in command:
                pids.append(int(entry.name))
    return pids


@pytest.fixture
def postgres():
    server = PrivatePostgres()
    try:
        server.start()
    except ServiceUnavailable as error:
        server.close()
        pytest.skip(f"{error} (apt-get install postgresql)")
    yield server
    server.close()


def test_a_private_postgres_keeps_its_data_across_an_outage_and_leaves_nothing(postgres):
    assert postgres.port != SHARED_POSTGRES
    with psycopg.connect(postgres.url(), autocommit=True) as connection:
        connection.execute("CREATE DATABASE outage")
    with psycopg.connect(postgres.url("outage"), autocommit=True) as connection:
        connection.execute("CREATE TABLE kept (name text)")
        connection.execute("INSERT INTO kept VALUES ('Beyoncé')")

    postgres.stop()
    assert not wait_for_port(postgres.port, 0.2)
    postgres.start()

    with psycopg.connect(postgres.url("outage")) as connection:
        assert connection.execute("SELECT name FROM kept").fetchall() == [("Beyoncé",)]
    assert processes_using(postgres.folder)

    postgres.close()
    assert not postgres.folder.exists()
    assert not processes_using(postgres.folder)


def test_the_drills_run_on_servers_of_their_own(tmp_path):
    services = Services()
    try:
        args = argparse.Namespace(port_a=8411, port_b=8412)
        env = drills_env(args, tmp_path, services)
    finally:
        services.close()

    assert f":{services.postgres.port}/" in env["DATABASE_URL"]
    assert f":{services.redis.port}/" in env["REDIS_URL"]
    assert {services.postgres.port, services.redis.port}.isdisjoint({SHARED_POSTGRES, SHARED_REDIS})
    # Nothing left that could stop, flush or drop a server the drills did not start.
    sources = [path.read_text() for path in Path(drills.__file__).parent.glob("*.py")]
    assert len(sources) > 2
    code = "".join(
        source.replace(ast.get_docstring(ast.parse(source), clean=False) or "", "")
        for source in sources
    )
    for command in ("pg_ctlcluster", "flushdb", "shutdown", "DROP DATABASE", "6379", "5432"):
        assert command not in code
