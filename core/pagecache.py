"""Whole pages for anonymous readers, served from the cache and never stale.

Every cached page is stamped with the *generation* of the site's content it was
rendered from. Any change to public content (a story, section, tag, person,
film, image or sister-site link saved or deleted) starts a new generation when
its transaction commits, and from then on no page rendered before it is served:
freshness never waits for a timeout. A scheduled story going live changes pages
with nothing saved, so each generation also records when the next scheduled
story is due, and ends then.

With Redis (REDIS_URL) the generation sits beside the pages, shared by every app
server, and one MGET reads both; each process also keeps the pages it served
last, and while the generation holds it reads only the generation. With the
local-memory cache the pages are per process, but the generation is a small
file under var/, so a change saved by one process is seen at once by every
process on the machine.

Only requests without a session cookie are served from, or stored in, the
cache: editors always get a freshly rendered page marked private, and what
they see never reaches a reader.

A page is keyed by its address and by the query parameters its view reads, and
by nothing else: a view declares them, each with the function that gives its
canonical value (`page_cache_parameters`, or the `keyed_by` decorator), and a
reader's request reaches the view with those parameters alone, canonical, so the
page rendered is the page stored. `?page=02&junk=1` is `?page=2`; `?page=1` is the
page without one; a value the view will refuse (`?page=abc`) is neither served
from nor stored in the cache. A view whose parameters are free text (search)
also says how many pages it may store per PAGE_CACHE_SECONDS (`page_cache_limit`),
so no client can make the cache hold more than that.
"""

import contextlib
import hashlib
import json
import os
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.paginator import InvalidPage
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

from core.pagination import page_number

GENERATION_KEY = "pages:generation"
# Counts the pages a view with a page_cache_limit stored in this PAGE_CACHE_SECONDS.
STORED_KEY = "pages:stored:"
CACHEABLE_STATUSES = {200}
HEADERS_NOT_KEPT = {"set-cookie", "date"}
# With Redis, each process keeps the pages it served last, up to this many bytes.
LOCAL_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Generation:
    token: str
    # When the next scheduled story goes live (Unix time), if one is waiting.
    ends_at: float | None = None

    @property
    def current(self):
        return self.ends_at is None or timezone.now().timestamp() < self.ends_at


# Callables that say when the next scheduled change goes live (an aware datetime, or None);
# feature apps register theirs with `watch_scheduled_changes` when they are ready.
scheduled_change_sources = []


def watch_scheduled_changes(source):
    """Make every generation end when `source()`'s moment comes (e.g. a story going live)."""
    scheduled_change_sources.append(source)


def next_scheduled_change():
    """When the next scheduled change goes live, as Unix time, or None."""
    moments = [moment for moment in (source() for source in scheduled_change_sources) if moment]
    return min(moments).timestamp() if moments else None


def new_generation():
    return Generation(uuid.uuid4().hex, next_scheduled_change())


class SharedGenerations:
    """The generation kept in the shared cache (Redis) beside the pages.

    Each process also keeps the pages it served last (LOCAL_BYTES of them). While its copy
    is of the current generation and not past its time, a hit asks Redis for the
    generation alone, not for tens of kilobytes of page to fetch and unpickle.
    """

    def __init__(self):
        self._local = OrderedDict()
        self._local_bytes = 0
        self._lock = threading.Lock()  # For threaded servers (runserver).

    def lookup(self, key):
        entry = self._local.get(key)
        if entry is None:
            found = cache.get_many([GENERATION_KEY, key])
            return found.get(GENERATION_KEY), self._keep(key, found.get(key))
        generation = cache.get(GENERATION_KEY)
        if generation is not None and entry.token == generation.token and entry.live:
            with self._lock, contextlib.suppress(KeyError):
                self._local.move_to_end(key)
            return generation, entry
        # Stale here; another process may have stored a fresh one.
        return generation, self._keep(key, cache.get(key))

    def save(self, key, entry, seconds):
        cache.set(key, entry, seconds)
        self._keep(key, entry)

    def start(self):
        generation = new_generation()
        cache.set(GENERATION_KEY, generation, timeout=None)
        return generation

    def _keep(self, key, entry):
        """Remember `entry` in this process, or forget the key for None; returns it."""
        with self._lock:
            if (previous := self._local.pop(key, None)) is not None:
                self._local_bytes -= len(previous.content)
            if entry is not None:
                self._local[key] = entry
                self._local_bytes += len(entry.content)
                while self._local_bytes > LOCAL_BYTES:
                    _, evicted = self._local.popitem(last=False)
                    self._local_bytes -= len(evicted.content)
        return entry


class FileGenerations:
    """The generation kept in a file, for caches each process keeps to itself.

    Reading costs one stat(); the file is read again only when it was replaced.
    """

    def __init__(self, path):
        self.path = path
        self._seen = (None, None)

    def lookup(self, key):
        return self.read(), cache.get(key)

    def save(self, key, entry, seconds):
        cache.set(key, entry, seconds)

    def read(self):
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return None
        stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._seen[0] != stamp:
            try:
                with open(self.path, encoding="utf-8") as file:
                    generation = Generation(**json.load(file))
            except (OSError, ValueError, TypeError):
                return None
            self._seen = (stamp, generation)
        return self._seen[1]

    def start(self):
        generation = new_generation()
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        temporary = f"{self.path}.{os.getpid()}.{generation.token}"
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump({"token": generation.token, "ends_at": generation.ends_at}, file)
        os.replace(temporary, self.path)
        self._seen = (None, None)
        return generation


_generations = None


def generations():
    global _generations
    if _generations is None:
        if isinstance(caches["default"], LocMemCache):
            _generations = FileGenerations(settings.PAGE_CACHE_GENERATION_FILE)
        else:
            _generations = SharedGenerations()
    return _generations


def process_cache_version():
    """For fragments kept in a per-process cache: changes whenever public content does.

    Without Redis a receiver can only clear its own process's cache, so such
    fragments are keyed by the generation instead. With a shared cache it is ""
    (receivers clear the fragment for every server).
    """
    store = generations()
    if isinstance(store, FileGenerations):
        generation = store.read() or store.start()
        return generation.token
    return ""


def reset():
    """Forget the process's choice of generation store (tests switch caches)."""
    global _generations
    _generations = None


def content_changed():
    """Public content changed: once the current transaction commits, no page rendered
    before is served again. Called by the receivers in core.invalidation."""
    pending = transaction.get_connection().run_on_commit
    if any(callback is _start_generation for _, callback, _ in pending):
        return  # Already due when this transaction commits: one new generation is enough.
    transaction.on_commit(_start_generation, robust=True)


def _start_generation():
    generations().start()


def keyed_by(*, limit=None, **parameters):
    """Declare on a view function the query parameters its page reads (see the module's
    docstring); class-based views set `page_cache_parameters` and `page_cache_limit`."""

    def declare(view):
        view.page_cache_parameters = parameters
        view.page_cache_limit = limit
        return view

    return declare


def page_number_parameter(value):
    """`page=` as the paginators read it: "02" is "2"; page 1 is the page without one."""
    if value == "":
        return ""
    try:
        number = page_number(value)
    except InvalidPage as error:
        raise ValueError(value) from error
    return "" if number == 1 else str(number)


class PageView(NamedTuple):
    """What the page cache knows of the view behind an address."""

    name: str
    parameters: dict
    limit: int | None


def page_view(request):
    """The view that answers `request`, or None for an address no view answers."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    return PageView(
        f"{view.__module__}.{view.__qualname__}",
        getattr(view, "page_cache_parameters", {}),
        getattr(view, "page_cache_limit", None),
    )


def canonical_query(request, parameters):
    """The parameters the view reads, canonical and in order, as a QueryDict; raises
    ValueError when one has a value the view would refuse (it then answers uncached)."""
    pairs = [
        (name, value)
        for name, canonical in sorted(parameters.items())
        if name in request.GET and (value := canonical(request.GET[name]))
    ]
    return QueryDict(urlencode(pairs))


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.GET.urlencode()}"
    return "page:" + hashlib.blake2b(address.encode(), digest_size=16).hexdigest()


def may_store(view):
    """Whether a page of `view` may be stored: always, unless the view has a limit and
    has stored that many pages in the last PAGE_CACHE_SECONDS or so. Every page expires
    PAGE_CACHE_SECONDS after it was stored, so at most twice the limit are kept at once."""
    if view.limit is None:
        return True
    counter = STORED_KEY + view.name
    cache.add(counter, 0, settings.PAGE_CACHE_SECONDS)
    try:
        stored = cache.incr(counter)
    except ValueError:  # The counter expired in between.
        return False
    return stored is not None and stored <= view.limit


def is_editor(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_public_read(request):
    return (
        request.method in {"GET", "HEAD"}
        and not is_editor(request)
        and not request.path.startswith(f"/{settings.ADMIN_URL}")
    )


def shared_cache_control(response):
    """For CDNs and the nginx micro-cache: browsers revalidate (a cheap 304), shared
    caches keep the page briefly and may serve it a little longer while refreshing."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.SHARED_CACHE_SECONDS,
            stale_while_revalidate=settings.SHARED_CACHE_STALE_SECONDS,
        )
        patch_vary_headers(response, ["Cookie"])


def storable(request, response):
    return (
        response.status_code in CACHEABLE_STATUSES
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        # A page varying on cookies was made for this request's cookies.
        and not (request.COOKIES and "cookie" in response.get("Vary", "").lower())
        # A CSP nonce must be new for every response.
        and b'nonce="' not in response.content
    )


class PageCacheMiddleware:
    """Serves anonymous readers' GET and HEAD requests from the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_read(request):
            response = self.get_response(request)
            if is_editor(request) and not response.has_header("Cache-Control"):
                # An editor's page, fresh for them alone: never kept by a shared cache.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        seconds = settings.PAGE_CACHE_SECONDS
        view = page_view(request) if seconds else None
        if view is None:
            return self.uncached(request)
        try:
            # The view sees what the key says, so the page rendered is the page stored.
            request.GET = canonical_query(request, view.parameters)
        except ValueError:
            return self.uncached(request)
        key = page_key(request)
        store = generations()
        generation, entry = store.lookup(key)
        if generation is None or not generation.current:
            # No generation yet (a cleared cache), or a scheduled story has just gone live.
            generation, entry = store.start(), None
        if entry is not None and entry.token == generation.token and entry.live:
            return cached_response(entry)

        response = self.get_response(request)
        if storable(request, response):
            shared_cache_control(response)
            if not response.has_header("ETag"):
                set_response_etag(response)  # Kept with the page, not hashed on every hit.
            if may_store(view):
                store.save(key, stored_entry(generation, response, seconds), seconds)
        return response

    def uncached(self, request):
        response = self.get_response(request)
        if storable(request, response):
            shared_cache_control(response)
        return response


class StoredPage(NamedTuple):
    token: str  # The generation the page was rendered from.
    expires_at: float  # Unix time: PAGE_CACHE_SECONDS after it was stored.
    status: int
    headers: list
    content: bytes

    @property
    def live(self):
        return time.time() < self.expires_at


def stored_entry(generation, response, seconds):
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in HEADERS_NOT_KEPT
    ]
    return StoredPage(
        generation.token, time.time() + seconds, response.status_code, headers, response.content
    )


def cached_response(entry):
    response = HttpResponse(entry.content, status=entry.status)
    for name, value in entry.headers:
        response.headers[name] = value
    return response
