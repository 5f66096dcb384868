"""Database-backed sessions (Django's), ignoring impossible keys: see core.sessions."""

from django.contrib.sessions.backends import db

from core.sessions import KnownKeyShape


class SessionStore(KnownKeyShape, db.SessionStore):
    pass
