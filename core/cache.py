"""A Redis cache that never takes the site down with it.

If Redis stops answering, reads miss and writes are skipped (pages are served
uncached) for a few seconds before Redis is tried again, so a dead Redis costs
one short timeout per process, not one per request. Writes and deletes that
could not reach Redis are remembered; when Redis answers again this process
clears the cache once, so nothing changed during the outage is served stale.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("metro.cache")

RETRY_AFTER_SECONDS = 5.0


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new redis-py client for every cache call, which costs more than
    the call itself (redis-py fills a table of ~170 reply handlers each time). One client
    per connection pool serves every call: redis-py clients are thread-safe."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if (client := clients.get(id(pool))) is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    _state_lock = threading.Lock()
    _down_until = 0.0
    _missed_writes = False

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _call(self, method, fallback, *args, write=False, **kwargs):
        cls = type(self)
        if time.monotonic() < cls._down_until:
            if write:
                cls._missed_writes = True
            return fallback
        try:
            if cls._missed_writes:
                self._recover()
            return getattr(super(), method)(*args, **kwargs)
        except RedisError as error:
            with cls._state_lock:
                if time.monotonic() >= cls._down_until:
                    logger.warning("Cache unavailable, serving uncached: %s", error)
                cls._down_until = time.monotonic() + RETRY_AFTER_SECONDS
                cls._missed_writes = cls._missed_writes or write
            return fallback

    def _recover(self):
        super().clear()
        type(self)._missed_writes = False
        logger.warning("Cache back; cleared what may have gone stale while it was away")

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version, write=True)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version, write=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version, write=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version, write=True)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version, write=True)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version, write=True)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", None, key, delta, version, write=True)

    def clear(self):
        return self._call("clear", None, write=True)
