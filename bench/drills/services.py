"""The drills' own PostgreSQL cluster and redis-server: started, checked, and described."""

import os
import platform

import psycopg
import redis

from bench.drills import DrillError
from bench.private_services import PrivatePostgres, PrivateRedis, ServiceUnavailable

DRILL_DATABASE = "metro_drills"
BLOCK_KEY_PATTERN = "*sister-sites:block*"


class Services:
    """The drills' own PostgreSQL cluster and redis-server, on free ports of 127.0.0.1."""

    def __init__(self):
        self.postgres = PrivatePostgres()
        self.redis = PrivateRedis()

    def start(self):
        """Start whichever of the two is not running (both, the first time)."""
        try:
            if not self.postgres_accepting():
                self.postgres.start()
            if not self.redis_up():
                self.redis.start()
        except ServiceUnavailable as error:
            raise DrillError(str(error)) from error

    def close(self):
        self.redis.close()
        self.postgres.close()

    def database_url(self):
        return self.postgres.url(DRILL_DATABASE)

    def pg_connect(self, dbname="postgres"):
        return psycopg.connect(
            self.postgres.url(dbname), connect_timeout=2, autocommit=True, application_name="drills"
        )

    def postgres_accepting(self):
        try:
            with self.pg_connect() as connection:
                connection.execute("SELECT 1")
        except psycopg.Error:
            return False
        return True

    def redis_client(self):
        # No retries (redis-py retries with backoff by default): "down" must be seen at once.
        return redis.Redis.from_url(
            self.redis.url, socket_timeout=1, socket_connect_timeout=1, retry=None
        )

    def redis_up(self):
        try:
            with self.redis_client() as client:
                return bool(client.ping())
        except redis.RedisError:
            return False

    def block_key_cached(self):
        try:
            with self.redis_client() as client:
                return any(True for _ in client.scan_iter(match=BLOCK_KEY_PATTERN))
        except redis.RedisError:
            return False


def environment(services):
    import django
    import gunicorn

    with services.pg_connect() as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    with services.redis_client() as client:
        redis_server = client.info("server")["redis_version"]
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "redis-py": redis.__version__,
        "psycopg": psycopg.__version__,
        "postgresql": postgres,
        "redis": redis_server,
        "postgresql_port": services.postgres.port,
        "redis_port": services.redis.port,
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }
