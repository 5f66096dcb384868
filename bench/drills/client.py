"""HTTP as the drills speak it: one request, a browser keeping cookies, and the fields of a form."""

import http.client
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from bench.drills import DrillError
from bench.servers import HOST

USER_AGENT = "metro-drills/1"


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    elapsed: float

    def text(self):
        return self.body.decode(errors="replace")


def fetch(port, path, method="GET", body=None, headers=None, timeout=10.0):
    """One request to 127.0.0.1:port on a fresh connection."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    started = time.monotonic()
    try:
        connection.request(
            method, path, body=body, headers={"User-Agent": USER_AGENT, **(headers or {})}
        )
        response = connection.getresponse()
        data = response.read()
        return Response(response.status, response.headers, data, time.monotonic() - started)
    finally:
        connection.close()


class Browser:
    """Requests to one instance with cookies kept like a browser's (plain http here)."""

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = dict(cookies or {})

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        return self.request("POST", path, form)

    def request(self, method, path, form=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = fetch(self.port, path, method, body, headers)
        for header in response.headers.get_all("Set-Cookie") or []:
            for morsel in SimpleCookie(header).values():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(morsel.key, None)
                else:
                    self.cookies[morsel.key] = morsel.value
        return response


class FormParser(HTMLParser):
    """The forms of a page: their attributes and the fields a browser would submit."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"attrs": attrs, "fields": []}
            self.forms.append(self._form)
        elif self._form is None or "disabled" in attrs:
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            name = attrs.get("name")
            if not name or kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._form["fields"].append((name, attrs.get("value") or "on"))
                return
            self._form["fields"].append((name, attrs.get("value") or ""))
        elif tag == "select":
            self._select = {
                "name": attrs.get("name"),
                "multiple": "multiple" in attrs,
                "chosen": [],
                "first": None,
            }
        elif tag == "option" and self._select is not None:
            value = attrs.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"].append(value)
        elif tag == "textarea":
            self._textarea = (attrs.get("name"), [])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = select["chosen"]
            if not chosen and not select["multiple"] and select["first"] is not None:
                chosen = [select["first"]]
            if select["name"] and self._form is not None:
                self._form["fields"].extend((select["name"], value) for value in chosen)
        elif tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            self._textarea = None
            if name and self._form is not None:
                self._form["fields"].append((name, "".join(parts).removeprefix("\n")))
        elif tag == "form":
            self._form = None


def form_fields(page, form_id=None):
    """[(name, value)] of the page's form with that id (else its first form with a CSRF token)."""
    parser = FormParser()
    parser.feed(page.text())
    for form in parser.forms:
        names = {name for name, _ in form["fields"]}
        if (form_id and form["attrs"].get("id") == form_id) or (
            not form_id and "csrfmiddlewaretoken" in names
        ):
            return list(form["fields"])
    raise DrillError(f"no form {form_id or 'with a CSRF token'} on the page")
