"""Cached database-backed sessions (Django's), ignoring impossible keys: see core.sessions."""

from django.contrib.sessions.backends import cached_db

from core.sessions import KnownKeyShape


class SessionStore(KnownKeyShape, cached_db.SessionStore):
    pass
