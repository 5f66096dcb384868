"""Session stores that look up only keys Django could have made.

A session cookie holds whatever the client sends. Django's database stores
look up any value of eight or more characters as it is, and a quoted cookie
may carry octal escapes (sessionid="\\000\\000…"), which Python's cookie
parser turns into any character at all: NUL included, which PostgreSQL
refuses in a query. Every page reading the session (the admin, editors'
previews) would then fail with a database error for that client.

Django makes session keys of 32 lowercase letters and digits; anything else
is no session, as if no cookie had been sent. Set SESSION_ENGINE to
"core.sessions.db", or to "core.sessions.cached_db" for sessions read
through the cache.
"""

import re

from django.contrib.sessions.backends.base import VALID_KEY_CHARS

SESSION_KEY = re.compile(f"[{re.escape(VALID_KEY_CHARS)}]{{32}}")


class KnownKeyShape:
    """Mixed into a session store: keys not shaped like Django's own are never looked up."""

    def _validate_session_key(self, key):
        return isinstance(key, str) and SESSION_KEY.fullmatch(key) is not None
