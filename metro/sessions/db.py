"""Database-backed sessions (Django's), ignoring impossible keys: see metro.sessions."""

from django.contrib.sessions.backends import db

from metro.sessions import KnownKeyShape


class SessionStore(KnownKeyShape, db.SessionStore):
    pass
