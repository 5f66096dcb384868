"""Cached database-backed sessions (Django's), ignoring impossible keys: see metro.sessions."""

from django.contrib.sessions.backends import cached_db

from metro.sessions import KnownKeyShape


class SessionStore(KnownKeyShape, cached_db.SessionStore):
    pass
